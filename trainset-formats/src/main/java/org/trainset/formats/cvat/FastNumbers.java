package org.trainset.formats.cvat;

/**
 * Decimal parsing for the common case of coordinates ({@code 123.45}, {@code -7}): Clinger's fast
 * path. When the digits fit in 53 bits and there are at most 22 fraction digits, both the digits
 * and the power of ten are exact doubles, so one division gives the correctly rounded result —
 * the same double {@link Double#parseDouble} returns. Anything else falls back to it.
 */
final class FastNumbers {
  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  private FastNumbers() {}

  /** Parses {@code s[start, end)}; throws NumberFormatException like {@code Double.parseDouble}. */
  static double parse(String s, int start, int end) {
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
        return Double.parseDouble(s.substring(start, end)); // exponent, NaN, garbage: the slow path decides
      }
    }
    int scale = Math.max(fraction, 0);
    if (i == first || (fraction == 0 && i - first == 1) || count > 15 || scale > 22) {
      return Double.parseDouble(s.substring(start, end));
    }
    double v = scale == 0 ? (double) digits : (double) digits / POW10[scale];
    return negative ? -v : v;
  }
}
