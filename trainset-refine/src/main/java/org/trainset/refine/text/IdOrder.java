package org.trainset.refine.text;

import java.util.Comparator;

/**
 * The order "lowest sentence id" means: ids compared piecewise, runs of digits by numeric value
 * and other characters by code point, so {@code s2 < s10}; ties (e.g. {@code 01} vs {@code 1})
 * fall back to plain string order. Deterministic for any input order.
 */
public final class IdOrder implements Comparator<String> {
  public static final IdOrder INSTANCE = new IdOrder();

  @Override public int compare(String x, String y) {
    int i = 0, j = 0;
    while (i < x.length() && j < y.length()) {
      char a = x.charAt(i), b = y.charAt(j);
      if (isDigit(a) && isDigit(b)) {
        int si = i, sj = j;
        while (si < x.length() && x.charAt(si) == '0') si++;
        while (sj < y.length() && y.charAt(sj) == '0') sj++;
        int ei = si, ej = sj;
        while (ei < x.length() && isDigit(x.charAt(ei))) ei++;
        while (ej < y.length() && isDigit(y.charAt(ej))) ej++;
        int li = ei - si, lj = ej - sj;
        if (li != lj) return Integer.compare(li, lj);
        for (int k = 0; k < li; k++) {
          int c = Character.compare(x.charAt(si + k), y.charAt(sj + k));
          if (c != 0) return c;
        }
        i = ei;
        j = ej;
      } else {
        if (a != b) return Character.compare(a, b);
        i++;
        j++;
      }
    }
    int c = Integer.compare(x.length() - i, y.length() - j);
    return c != 0 ? c : x.compareTo(y);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
