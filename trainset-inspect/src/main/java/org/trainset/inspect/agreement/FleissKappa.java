package org.trainset.inspect.agreement;

/**
 * Fleiss' κ for many raters (Fleiss 1971): {@code counts[i][j]} is how many raters put subject i
 * in category j; every subject has the same number of ratings n.
 * κ = (P̄ − P̄e) / (1 − P̄e), P̄ the mean per-subject agreement, P̄e the chance agreement from the
 * category proportions.
 */
public final class FleissKappa {
  private FleissKappa() {}

  public static double of(int[][] counts) {
    int subjects = counts.length;
    if (subjects == 0) throw new IllegalArgumentException("no subjects");
    int k = counts[0].length;
    int n = 0;
    for (int c : counts[0]) n += c;
    if (n < 2) throw new IllegalArgumentException("Fleiss' kappa needs at least 2 ratings per subject");
    double[] categoryTotals = new double[k];
    double sumP = 0;
    for (int i = 0; i < subjects; i++) {
      if (counts[i].length != k) throw new IllegalArgumentException("subject " + i + " has " + counts[i].length + " categories");
      int rowTotal = 0;
      double agree = 0;
      for (int j = 0; j < k; j++) {
        rowTotal += counts[i][j];
        categoryTotals[j] += counts[i][j];
        agree += (double) counts[i][j] * (counts[i][j] - 1);
      }
      if (rowTotal != n) {
        throw new IllegalArgumentException("subject " + i + " has " + rowTotal + " ratings, others " + n);
      }
      sumP += agree / ((double) n * (n - 1));
    }
    double pBar = sumP / subjects;
    double pe = 0;
    for (double t : categoryTotals) {
      double p = t / ((double) subjects * n);
      pe += p * p;
    }
    return (pBar - pe) / (1 - pe);
  }
}
