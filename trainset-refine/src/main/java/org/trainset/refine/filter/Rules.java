package org.trainset.refine.filter;

import java.text.Normalizer;
import java.util.Locale;

/** The refinement rules of the seed's corpus and OCR families. */
public final class Rules {
  private Rules() {}

  /** Source side must have between {@code min} and {@code max} eojeol (inclusive). */
  public static TextRule eojeol(int min, int max) {
    return new TextRule() {
      @Override public String id() { return "eojeol"; }
      @Override public String describe() { return "source has " + min + ".." + (max == Integer.MAX_VALUE ? "∞" : max) + " eojeol"; }
      @Override public String violation(Text t) {
        int n = TextRule.eojeol(t.source());
        if (n < min) return n + " eojeol < " + min;
        if (n > max) return n + " eojeol > " + max;
        return null;
      }
    };
  }

  /**
   * Every character of every side belongs to the OCR set: Hangul syllables, Latin letters
   * A–Z a–z, digits 0–9, the marks {@code . , ! ? ' " ( )} and the space (U+0020).
   */
  public static TextRule ocrCharset() {
    return new TextRule() {
      @Override public String id() { return "charset"; }
      @Override public String describe() { return "only Hangul syllables, A-Z a-z 0-9, . , ! ? ' \" ( ) and space"; }
      @Override public String violation(Text t) {
        String bad = firstOutside(t.source());
        if (bad == null && t.target() != null) bad = firstOutside(t.target());
        return bad == null ? null : "character " + bad + " outside the OCR set";
      }
    };
  }

  static String firstOutside(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      boolean ok = (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z')
          || (cp >= '0' && cp <= '9') || ".,!?'\"() ".indexOf(cp) >= 0;
      if (!ok) return String.format("U+%04X '%s'", cp, new String(Character.toChars(cp)));
    }
    return null;
  }

  /** A side is empty or only whitespace. */
  public static TextRule empty() {
    return new TextRule() {
      @Override public String id() { return "empty"; }
      @Override public String describe() { return "no side may be empty or blank"; }
      @Override public String violation(Text t) {
        if (t.source().isBlank()) return "source is empty";
        if (t.isPair() && t.target().isBlank()) return "target is empty";
        return null;
      }
    };
  }

  /**
   * Pairs left untranslated: the target equals the source (after NFKC, case and space folding),
   * or at least half of the target's letters are Hangul while its language is not Korean.
   */
  public static TextRule untranslated() {
    return new TextRule() {
      @Override public String id() { return "untranslated"; }
      @Override public String describe() { return "target differs from source and is not still Hangul (≥ 50% of letters)"; }
      @Override public String violation(Text t) {
        if (!t.isPair() || t.target().isBlank()) return null;
        if (fold(t.source()).equals(fold(t.target()))) return "target equals source";
        if ("ko".equals(t.targetLanguage())) return null;
        int letters = 0, hangul = 0;
        for (int i = 0; i < t.target().length(); ) {
          int cp = t.target().codePointAt(i);
          i += Character.charCount(cp);
          if (Character.isLetter(cp)) {
            letters++;
            if (TextRule.isHangul(cp)) hangul++;
          }
        }
        return letters > 0 && hangul * 2 >= letters ? "target is still Hangul (" + hangul + " of " + letters + " letters)" : null;
      }
    };
  }

  /** Target length / source length (in code points, spaces excluded) within [min, max]. */
  public static TextRule lengthRatio(double min, double max) {
    if (!(min > 0 && max >= min)) throw new IllegalArgumentException("length ratio bounds need 0 < MIN <= MAX");
    return new TextRule() {
      @Override public String id() { return "length-ratio"; }
      @Override public String describe() { return "target/source length in [" + min + ", " + max + "]"; }
      @Override public String violation(Text t) {
        if (!t.isPair()) return null;
        int s = letters(t.source()), g = letters(t.target());
        if (s == 0 || g == 0) return null; // the empty rule's business
        double r = (double) g / s;
        if (r < min || r > max) return String.format(Locale.ROOT, "ratio %.3f outside [%s, %s]", r, min, max);
        return null;
      }
    };
  }

  static int letters(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isWhitespace(cp)) n++;
    }
    return n;
  }

  static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }
}
