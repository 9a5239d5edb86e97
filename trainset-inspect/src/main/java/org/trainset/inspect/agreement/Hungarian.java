package org.trainset.inspect.agreement;

import java.util.Arrays;

/**
 * Minimum-cost assignment (Kuhn–Munkres with potentials, O(n²m)) for a rectangular cost matrix:
 * each row gets a distinct column when rows ≤ columns (the matrix is transposed otherwise).
 */
public final class Hungarian {
  private Hungarian() {}

  /** {@code result[row]} = assigned column, or -1 when the row is left out (more rows than columns). */
  public static int[] assign(double[][] cost) {
    int rows = cost.length;
    if (rows == 0) return new int[0];
    int cols = cost[0].length;
    if (rows > cols) {
      double[][] t = new double[cols][rows];
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) t[j][i] = cost[i][j];
      }
      int[] byCol = assign(t);
      int[] out = new int[rows];
      Arrays.fill(out, -1);
      for (int j = 0; j < cols; j++) out[byCol[j]] = j;
      return out;
    }
    // 1-based arrays as in the classic formulation; p[j] = row matched to column j.
    double[] u = new double[rows + 1];
    double[] v = new double[cols + 1];
    int[] p = new int[cols + 1];
    int[] way = new int[cols + 1];
    for (int i = 1; i <= rows; i++) {
      p[0] = i;
      int j0 = 0;
      double[] minv = new double[cols + 1];
      Arrays.fill(minv, Double.POSITIVE_INFINITY);
      boolean[] used = new boolean[cols + 1];
      do {
        used[j0] = true;
        int i0 = p[j0];
        double delta = Double.POSITIVE_INFINITY;
        int j1 = 0;
        for (int j = 1; j <= cols; j++) {
          if (used[j]) continue;
          double cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
          if (cur < minv[j]) {
            minv[j] = cur;
            way[j] = j0;
          }
          if (minv[j] < delta) {
            delta = minv[j];
            j1 = j;
          }
        }
        for (int j = 0; j <= cols; j++) {
          if (used[j]) {
            u[p[j]] += delta;
            v[j] -= delta;
          } else {
            minv[j] -= delta;
          }
        }
        j0 = j1;
      } while (p[j0] != 0);
      do {
        int j1 = way[j0];
        p[j0] = p[j1];
        j0 = j1;
      } while (j0 != 0);
    }
    int[] out = new int[rows];
    Arrays.fill(out, -1);
    for (int j = 1; j <= cols; j++) {
      if (p[j] != 0) out[p[j] - 1] = j - 1;
    }
    return out;
  }
}
