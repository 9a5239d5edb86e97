package org.trainset.formats.coco;

import java.nio.charset.StandardCharsets;

/**
 * Parses a JSON number literal from its ASCII bytes without allocating. Plain decimals whose
 * digits fit in 2^53 with at most 22 fractional digits are computed as mantissa / 10^k, the
 * correctly rounded double (one IEEE division of exact operands: Clinger's fast path); anything
 * else (exponents, long mantissas) goes through {@link Double#parseDouble}. Text that is not a
 * JSON number (NaN, Infinity, 01, 1.) gives NaN, which callers turn into a syntax error.
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

  static double parse(byte[] c, int len) {
    return parse(c, 0, len);
  }

  /** The number in {@code c[from, to)}. */
  static double parse(byte[] c, int from, int to) {
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
    double v = scale == 0 ? mantissa : mantissa / POW10[scale];
    return negative ? -v : v;
  }
}
