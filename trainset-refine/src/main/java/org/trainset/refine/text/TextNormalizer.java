package org.trainset.refine.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The text form duplicates are compared on, in this order: Unicode NFKC (full-width letters and
 * digits, compatibility jamo and circled numbers fold to their plain forms; Hangul stays
 * composed); case folding with {@link String#toLowerCase(Locale)} in {@link Locale#ROOT};
 * punctuation removed (every code point of Unicode general category P*, so {@code "안녕하세요."}
 * equals {@code "안녕하세요"}); every run of whitespace (including NBSP and ideographic space after
 * NFKC) collapsed to one ASCII space; leading and trailing space trimmed. Symbols (S*), digits
 * and letters are kept. The output only feeds hashing and shingling; written data is unchanged.
 */
public final class TextNormalizer {
  private TextNormalizer() {}

  public static String normalize(String text) {
    if (text == null || text.isEmpty()) return "";
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(s.length());
    boolean pendingSpace = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        pendingSpace = sb.length() > 0;
        continue;
      }
      if (isPunctuation(cp)) continue;
      if (pendingSpace) {
        sb.append(' ');
        pendingSpace = false;
      }
      sb.appendCodePoint(cp);
    }
    return sb.toString();
  }

  static boolean isPunctuation(int cp) {
    switch (Character.getType(cp)) {
      case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
          Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION:
        return true;
      default:
        return false;
    }
  }
}
