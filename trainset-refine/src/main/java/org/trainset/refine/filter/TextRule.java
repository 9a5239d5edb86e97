package org.trainset.refine.filter;

/**
 * One refinement rule over an item's text. {@link #violation} returns null when the text passes,
 * else a short human detail ("3 eojeol < 5"); the rule's {@link #id()} goes in the report.
 */
public interface TextRule {
  String id();

  /** One line for the report's settings. */
  String describe();

  String violation(Text text);

  /**
   * The text an item carries: {@code source} (Korean side or the monolingual text) and
   * {@code target} (null for monolingual items); languages may be null.
   */
  record Text(String source, String target, String sourceLanguage, String targetLanguage) {
    public boolean isPair() {
      return target != null;
    }
  }

  /** Eojeol (space-separated word units) in {@code s}: runs of non-whitespace. */
  static int eojeol(String s) {
    int count = 0;
    boolean in = false;
    for (int i = 0; i < s.length(); i++) {
      boolean ws = Character.isWhitespace(s.charAt(i)) || Character.isSpaceChar(s.charAt(i));
      if (!ws && !in) count++;
      in = !ws;
    }
    return count;
  }

  static boolean isHangul(int cp) {
    return (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F)
        || (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xD7B0 && cp <= 0xD7FF);
  }
}
