package org.trainset.formats.coco;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads the number under a Jackson parser without the String Jackson allocates per floating
 * value. Plain decimals whose digits fit in 2^53 with at most 22 fractional digits are computed
 * exactly as mantissa / 10^k, which is the correctly rounded double (one IEEE division of exact
 * operands: Clinger's fast path); anything else (exponents, long mantissas) goes through
 * {@link Double#parseDouble}.
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

  static double doubleValue(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      long v = p.getLongValue();
      if (Math.abs(v) < (1L << 53)) return v;
    }
    return parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
  }

  static double parse(char[] c, int off, int len) {
    int i = off;
    int end = off + len;
    boolean negative = i < end && c[i] == '-';
    if (negative) i++;
    long mantissa = 0;
    int digits = 0;
    int fraction = -1;
    for (; i < end; i++) {
      char ch = c[i];
      if (ch >= '0' && ch <= '9') {
        if (digits < 18) {
          mantissa = mantissa * 10 + (ch - '0');
          if (mantissa != 0) digits++;
        } else {
          return Double.parseDouble(new String(c, off, len));
        }
        if (fraction >= 0) fraction++;
      } else if (ch == '.' && fraction < 0) {
        fraction = 0;
      } else {
        return Double.parseDouble(new String(c, off, len));
      }
    }
    int scale = Math.max(fraction, 0);
    if (mantissa >= (1L << 53) || scale >= POW10.length) return Double.parseDouble(new String(c, off, len));
    double v = scale == 0 ? mantissa : mantissa / POW10[scale];
    return negative ? -v : v;
  }
}
