package org.trainset.families.samples;

import java.util.List;
import java.util.Random;

/** Small Korean/English vocabularies the generators compose realistic text from. */
public final class SampleText {
  private SampleText() {}

  /** Sign and shop words as seen in text-in-the-wild photos. */
  public static final List<String> SIGN_WORDS = List.of(
      "카페", "약국", "편의점", "은행", "병원", "서점", "주차장", "출구", "입구", "화장실", "버스", "정류장",
      "세일", "할인", "영업중", "치킨", "분식", "미용실", "학원", "부동산", "우체국", "식당", "빵집", "꽃집",
      "OPEN", "SALE", "24시", "2층", "010", "(주)", "공사중", "금연", "안내", "서울");

  /** Pick one element. */
  public static <T> T pick(Random rnd, List<T> from) {
    return from.get(rnd.nextInt(from.size()));
  }
}
