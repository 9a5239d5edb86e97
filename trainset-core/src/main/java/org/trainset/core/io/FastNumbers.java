package org.trainset.core.io;

import java.nio.charset.StandardCharsets;

/**
 * Decimal parsing without allocation for the common case of coordinates ({@code 123.45},
 * {@code -7}): Clinger's fast path. When the digits fit in 53 bits and there are at most 22
 * fraction digits, both the digits and the power of ten are exact doubles, so one division gives
 * the correctly rounded result — the same double {@link Double#parseDouble} returns. Anything else
 * (exponents, long mantissas) goes through {@link Double#parseDouble}. Two grammars share it:
 * {@link #parseJson} (JSON number literals from bytes) and {@link #parseDecimal} (XML attribute
 * text, as lenient as {@code Double.parseDouble}).
 */
public final class FastNumbers {
  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  private FastNumbers() {}

  /**
   * {@code mantissa / 10^scale}, negated when asked: the double {@link Double#parseDouble} gives
   * for those digits when {@code mantissa < 2^53} and {@code 0 <= scale <= 22} (callers that
   * scan digits themselves, such as the COCO byte reader, check that and call this).
   */
  public static double scaled(long mantissa, int scale, boolean negative) {
    double v = scale == 0 ? (double) mantissa : (double) mantissa / POW10[scale];
    return negative ? -v : v;
  }

  /** The JSON number in {@code c[0, len)}. */
  public static double parseJson(byte[] c, int len) {
    return parseJson(c, 0, len);
  }

  /**
   * The JSON number literal in {@code c[from, to)}. Text that is not a JSON number (NaN,
   * Infinity, 01, 1.) gives NaN, which callers turn into a syntax error.
   */
  public static double parseJson(byte[] c, int from, int to) {
    int i = from;
    int len = to;
    boolean negative = i < len && c[i] == '-';
    if (negative) i++;
    int intStart = i;
    long mantissa = 0;
    int digits = 0;
    while (i < len && c[i] >= '0' && c[i] <= '9') {
      mantissa = mantissa * 10 + (c[i] - '0');
      if (mantissa != 0) digits++;
      i++;
    }
    if (i == intStart || (c[intStart] == '0' && i - intStart > 1)) return Double.NaN;
    int scale = 0;
    if (i < len && c[i] == '.') {
      int f = ++i;
      while (i < len && c[i] >= '0' && c[i] <= '9') {
        mantissa = mantissa * 10 + (c[i] - '0');
        if (mantissa != 0) digits++;
        i++;
      }
      scale = i - f;
      if (scale == 0) return Double.NaN;
    }
    boolean slow = digits > 15 || scale >= POW10.length;
    if (i < len && (c[i] == 'e' || c[i] == 'E')) {
      i++;
      if (i < len && (c[i] == '+' || c[i] == '-')) i++;
      int e = i;
      while (i < len && c[i] >= '0' && c[i] <= '9') i++;
      if (i == e) return Double.NaN;
      slow = true;
    }
    if (i != len) return Double.NaN;
    if (slow) return Double.parseDouble(new String(c, from, len - from, StandardCharsets.ISO_8859_1));
    return scaled(mantissa, scale, negative);
  }

  /**
   * The decimal in {@code s[start, end)}, surrounding spaces allowed; throws
   * NumberFormatException exactly where {@code Double.parseDouble} would.
   */
  public static double parseDecimal(CharSequence s, int start, int end) {
    int i = start;
    while (i < end && s.charAt(i) == ' ') i++;
    int stop = end;
    while (stop > i && s.charAt(stop - 1) == ' ') stop--;
    boolean negative = false;
    if (i < stop && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    long digits = 0;
    int count = 0;
    int fraction = -1;
    int first = i;
    for (; i < stop; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = digits * 10 + (c - '0');
        if (digits > 0 || count > 0) count++;
        if (fraction >= 0) fraction++;
      } else if (c == '.' && fraction < 0) {
        fraction = 0;
      } else {
        return Double.parseDouble(s.subSequence(start, end).toString()); // exponent, NaN, garbage: the slow path decides
      }
    }
    int scale = Math.max(fraction, 0);
    if (i == first || (fraction == 0 && i - first == 1) || count > 15 || scale > 22) {
      return Double.parseDouble(s.subSequence(start, end).toString());
    }
    return scaled(digits, scale, negative);
  }
}
