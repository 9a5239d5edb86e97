package org.trainset.eval.classify;

import java.util.Arrays;

/**
 * DeLong, DeLong and Clarke-Pearson (1988) variance of the ROC AUC, computed with Sun and Xu's
 * (2014) midrank algorithm: structural components V10 (per positive) and V01 (per negative) from
 * midranks, {@code Var = s²(V10)/m + s²(V01)/n} (sample variances), and a Wald interval
 * {@code AUC ± z·sqrt(Var)} clipped to [0, 1]. The variance needs at least two samples of each class (NaN otherwise).
 */
public final class DeLong {
  /** Standard normal quantile at 0.975. */
  public static final double Z_95 = 1.959963984540054;

  /** AUC with its DeLong variance and 95 % interval. */
  public record Interval(double auc, double variance, double lower, double upper) {}

  private DeLong() {}

  public static Interval interval95(LabeledScores data) {
    int m = data.positives();
    int n = data.size() - m;
    if (m < 1 || n < 1) return new Interval(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    double[] x = new double[m];
    double[] y = new double[n];
    int a = 0, b = 0;
    for (int i = 0; i < data.size(); i++) {
      if (data.labels()[i] == 1) x[a++] = data.scores()[i]; else y[b++] = data.scores()[i];
    }
    double[] z = new double[m + n];
    System.arraycopy(x, 0, z, 0, m);
    System.arraycopy(y, 0, z, m, n);
    double[] tx = midranks(x);
    double[] ty = midranks(y);
    double[] tz = midranks(z);
    double sumPos = 0;
    double[] v10 = new double[m];
    double[] v01 = new double[n];
    for (int i = 0; i < m; i++) {
      sumPos += tz[i];
      v10[i] = (tz[i] - tx[i]) / n;
    }
    for (int j = 0; j < n; j++) v01[j] = 1 - (tz[m + j] - ty[j]) / m;
    double auc = (sumPos - m * (m + 1) / 2.0) / ((double) m * n);
    double var = m < 2 || n < 2 ? Double.NaN : sampleVariance(v10) / m + sampleVariance(v01) / n;
    double half = Z_95 * Math.sqrt(var);
    if (Double.isNaN(var)) return new Interval(auc, var, Double.NaN, Double.NaN);
    return new Interval(auc, var, Math.max(0, auc - half), Math.min(1, auc + half));
  }

  /** 1-based ranks, ties sharing the mean of their positions. */
  static double[] midranks(double[] v) {
    int n = v.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) order[i] = i;
    Arrays.sort(order, (p, q) -> Double.compare(v[p], v[q]));
    double[] r = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && v[order[j + 1]] == v[order[i]]) j++;
      double mid = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) r[order[k]] = mid;
      i = j + 1;
    }
    return r;
  }

  static double sampleVariance(double[] v) {
    double mean = 0;
    for (double d : v) mean += d;
    mean /= v.length;
    double ss = 0;
    for (double d : v) ss += (d - mean) * (d - mean);
    return ss / (v.length - 1);
  }
}
