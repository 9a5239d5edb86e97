package org.trainset.families.corpus;

import java.util.List;
import java.util.Locale;

/**
 * The corpus's six domains with the columns each release file carries besides {@code 원문} and
 * {@code 번역문} (families doc §1), plus {@link #OTHER} for pairs from elsewhere.
 */
public enum CorpusDomain {
  SPOKEN("spoken", "1_구어체", "구어체", "SID", List.of("SID")),
  DIALOGUE("dialogue", "2_대화체", "대화체", null, List.of("대분류", "소분류", "상황", "Set Nr.", "발화자")),
  NEWS("news", "3_문어체_뉴스", "뉴스", "ID", List.of("ID", "날짜", "자동분류1", "자동분류2", "자동분류3", "URL", "언론사")),
  CULTURE("culture", "4_문어체_한국문화", "한국문화", "ID", List.of("ID", "키워드")),
  ORDINANCE("ordinance", "5_문어체_조례", "조례", "ID", List.of("ID", "지자체")),
  MUNICIPAL("municipal", "6_문어체_지자체웹사이트", "지자체", "ID", List.of("ID", "지자체")),
  OTHER("other", "0_기타", "기타", "ID", List.of("ID"));

  public static final String SOURCE = "원문";
  public static final String TARGET = "번역문";
  public static final String SET_NR = "Set Nr.";
  public static final String SITUATION = "상황";
  public static final String SPEAKER = "발화자";

  private final String key;
  private final String fileStem;
  private final String nameMarker;
  private final String idColumn;
  private final List<String> columns;

  CorpusDomain(String key, String fileStem, String nameMarker, String idColumn, List<String> columns) {
    this.key = key;
    this.fileStem = fileStem;
    this.nameMarker = nameMarker;
    this.idColumn = idColumn;
    this.columns = columns;
  }

  /** Stable English key, stored as the item attribute {@code domain}. */
  public String key() { return key; }

  /** File name stem the writer uses, as in the release ({@code 3_문어체_뉴스}). */
  public String fileStem() { return fileStem; }

  /** Column whose value identifies a sentence, or null (dialogue rows are numbered in order). */
  public String idColumn() { return idColumn; }

  /** Domain columns other than 원문/번역문, in release order. */
  public List<String> columns() { return columns; }

  /** Full header as the writer emits it. */
  public List<String> header() {
    List<String> h = new java.util.ArrayList<>(columns);
    h.add(SOURCE);
    h.add(TARGET);
    return h;
  }

  public static CorpusDomain fromKey(String key) {
    for (CorpusDomain d : values()) {
      if (d.key.equals(key)) return d;
    }
    return null;
  }

  /**
   * The domain a release file belongs to, from its name ({@code 1_구어체(1)_200226.xlsx}), or
   * null when the name says nothing. Order matters: "문어체_지자체웹사이트" must not match 조례.
   */
  public static CorpusDomain fromFileName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.contains("구어체") || n.contains("spoken")) return SPOKEN;
    if (n.contains("대화체") || n.contains("dialogue")) return DIALOGUE;
    if (n.contains("뉴스") || n.contains("news")) return NEWS;
    if (n.contains("한국문화") || n.contains("culture")) return CULTURE;
    if (n.contains("조례") || n.contains("ordinance")) return ORDINANCE;
    if (n.contains("지자체") || n.contains("municipal")) return MUNICIPAL;
    if (n.contains("기타") || n.contains("other")) return OTHER;
    return null;
  }

  /** The domain a header row implies when the file name did not say. */
  public static CorpusDomain fromHeader(List<String> header) {
    if (header.contains(SET_NR) || header.contains(SPEAKER)) return DIALOGUE;
    if (header.contains("언론사") || header.contains("URL")) return NEWS;
    if (header.contains("키워드")) return CULTURE;
    if (header.contains("SID")) return SPOKEN;
    if (header.contains("지자체")) return MUNICIPAL;
    return OTHER;
  }
}
