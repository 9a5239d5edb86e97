package org.trainset.eval.num;

/**
 * Summation in numpy's order ({@code pairwise_sum} in loops_utils.h): fewer than 8 values are
 * added left to right, up to 128 with eight interleaved accumulators, longer runs split in
 * halves (rounded down to a multiple of 8). Reproducing the order makes means agree with numpy
 * to the last bit in most cases instead of to 1e-15.
 */
public final class NumpySum {
  private static final int BLOCK = 128;

  private NumpySum() {}

  public static double sum(double[] a, int from, int n) {
    if (n < 8) {
      double res = 0.;
      for (int i = 0; i < n; i++) res += a[from + i];
      return res;
    }
    if (n <= BLOCK) {
      double[] r = new double[8];
      for (int j = 0; j < 8; j++) r[j] = a[from + j];
      int i;
      for (i = 8; i < n - (n % 8); i += 8) {
        for (int j = 0; j < 8; j++) r[j] += a[from + i + j];
      }
      double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
      for (; i < n; i++) res += a[from + i];
      return res;
    }
    int n2 = n / 2;
    n2 -= n2 % 8;
    return sum(a, from, n2) + sum(a, from + n2, n - n2);
  }

  public static double sum(double[] a) {
    return sum(a, 0, a.length);
  }

  /** numpy.mean of a 1-D array: the pairwise sum divided by the count. */
  public static double mean(double[] a, int n) {
    return sum(a, 0, n) / n;
  }
}
