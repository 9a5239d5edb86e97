package org.trainset.families.corpus;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Parallel sentence templates per domain for the sample generator; {P} is a city and {N} a
 * number, filled the same way on both sides so a pair stays a faithful translation.
 */
final class CorpusSentences {
  private CorpusSentences() {}

  record Pair(String ko, String en) {}

  private static final List<Pair> PLACES = List.of(new Pair("서울", "Seoul"), new Pair("부산", "Busan"),
      new Pair("대구", "Daegu"), new Pair("인천", "Incheon"), new Pair("광주", "Gwangju"), new Pair("대전", "Daejeon"),
      new Pair("제주", "Jeju"), new Pair("수원", "Suwon"));

  private static final Map<CorpusDomain, List<Pair>> TEMPLATES = Map.of(
      CorpusDomain.SPOKEN, List.of(
          new Pair("저는 주말마다 {P}에 있는 부모님 댁에 가요.", "I visit my parents' house in {P} every weekend."),
          new Pair("이 근처에 {N}시간 문을 여는 약국이 있나요?", "Is there a pharmacy near here that is open for {N} hours?"),
          new Pair("어제 친구랑 {P}에서 영화를 봤는데 정말 재미있었어요.", "Yesterday I watched a movie with a friend in {P}, and it was really fun."),
          new Pair("회의가 {N}분 늦게 시작한다고 들었어요.", "I heard that the meeting starts {N} minutes late."),
          new Pair("다음 주에 {P}로 출장을 가야 해서 조금 바빠요.", "I am a little busy because I have to go on a business trip to {P} next week.")),
      CorpusDomain.DIALOGUE, List.of(
          new Pair("안녕하세요, {P}행 기차표를 사고 싶은데요.", "Hello, I would like to buy a train ticket to {P}."),
          new Pair("몇 시 기차로 드릴까요?", "Which train would you like?"),
          new Pair("{N}시쯤 출발하는 기차가 있나요?", "Is there a train leaving around {N} o'clock?"),
          new Pair("네, 창가 자리로 한 장 남아 있습니다.", "Yes, there is one window seat left."),
          new Pair("그걸로 주세요. 카드로 계산할게요.", "I will take it. I will pay by card."),
          new Pair("영수증은 문자로 보내 드릴까요?", "Shall I send you the receipt by text message?")),
      CorpusDomain.NEWS, List.of(
          new Pair("{P}시는 올해 {N}개의 공공 도서관을 새로 열 계획이라고 밝혔다.", "The city of {P} announced that it plans to open {N} new public libraries this year."),
          new Pair("지난달 {P} 지역의 아파트 가격은 전월 대비 {N}% 상승했다.", "Apartment prices in the {P} area rose {N}% last month from the previous month."),
          new Pair("정부는 청년 일자리 확대를 위해 {N}억 원의 예산을 추가로 편성했다.", "The government allocated an additional {N} hundred million won to expand youth employment."),
          new Pair("{P}에서 열린 국제 영화제에는 {N}개국 작품이 초청됐다.", "Films from {N} countries were invited to the international film festival held in {P}."),
          new Pair("국가대표팀은 {P}에서 열린 평가전에서 {N}대 0으로 승리했다.", "The national team won {N} to 0 in the friendly match held in {P}.")),
      CorpusDomain.CULTURE, List.of(
          new Pair("한복은 명절이나 결혼식 같은 특별한 날에 입는 한국의 전통 의상이다.", "Hanbok is traditional Korean clothing worn on special days such as holidays and weddings."),
          new Pair("김장은 겨울을 나기 위해 많은 양의 김치를 한꺼번에 담그는 풍습이다.", "Gimjang is the custom of making a large amount of kimchi at once to get through the winter."),
          new Pair("{P}의 전통 시장에서는 {N}가지가 넘는 향토 음식을 맛볼 수 있다.", "At the traditional market in {P}, you can taste more than {N} kinds of local food.")),
      CorpusDomain.ORDINANCE, List.of(
          new Pair("이 조례는 {P}광역시 주민의 복지 증진에 필요한 사항을 규정함을 목적으로 한다.", "The purpose of this ordinance is to prescribe matters necessary for promoting the welfare of residents of {P} Metropolitan City."),
          new Pair("시장은 제{N}조에 따른 지원 계획을 매년 수립하여야 한다.", "The mayor shall establish a support plan under Article {N} every year.")),
      CorpusDomain.MUNICIPAL, List.of(
          new Pair("{P}시청 민원실은 평일 오전 9시부터 오후 6시까지 운영합니다.", "The civil service office of {P} City Hall is open from 9 a.m. to 6 p.m. on weekdays."),
          new Pair("주민등록등본은 무인민원발급기에서 {N}원에 발급받을 수 있습니다.", "A copy of your resident registration can be issued at an unmanned kiosk for {N} won.")));

  /**
   * Templates joined per row. The seed says the corpus averages at least 20 eojeol per sentence;
   * one template has about 8, so a row is three of them (both sides, so it stays a translation).
   */
  static final int TEMPLATES_PER_ROW = 3;

  static Pair sentence(CorpusDomain domain, Random rnd) {
    List<Pair> t = TEMPLATES.get(domain);
    StringBuilder ko = new StringBuilder();
    StringBuilder en = new StringBuilder();
    for (int i = 0; i < TEMPLATES_PER_ROW; i++) {
      Pair p = fill(t.get(rnd.nextInt(t.size())), rnd);
      ko.append(i == 0 ? "" : " ").append(p.ko());
      en.append(i == 0 ? "" : " ").append(p.en());
    }
    return new Pair(ko.toString(), en.toString());
  }

  /** Turn {@code turn} of a dialogue follows the scripted exchange in order. */
  static Pair dialogueTurn(int turn, Random rnd) {
    List<Pair> t = TEMPLATES.get(CorpusDomain.DIALOGUE);
    return fill(t.get(turn % t.size()), rnd);
  }

  private static Pair fill(Pair p, Random rnd) {
    Pair place = PLACES.get(rnd.nextInt(PLACES.size()));
    String n = Integer.toString(2 + rnd.nextInt(58));
    return new Pair(p.ko().replace("{P}", place.ko()).replace("{N}", n), p.en().replace("{P}", place.en()).replace("{N}", n));
  }
}
