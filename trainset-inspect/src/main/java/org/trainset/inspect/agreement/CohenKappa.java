package org.trainset.inspect.agreement;

import java.util.List;

/**
 * Cohen's κ between two raters of the same items, optionally weighted for ordered categories
 * (linear |i−j| or quadratic (i−j)² disagreement weights). Computed as scikit-learn's
 * {@code cohen_kappa_score}: κ = 1 − Σ w·O / Σ w·E over the confusion matrix O and the
 * chance matrix E = outer(row sums, column sums) / N, categories in {@link Categories} order.
 */
public final class CohenKappa {
  public enum Weights { NONE, LINEAR, QUADRATIC }

  private CohenKappa() {}

  public static double of(List<?> rater1, List<?> rater2) {
    return of(rater1, rater2, Weights.NONE);
  }

  public static double of(List<?> rater1, List<?> rater2, Weights weights) {
    if (rater1.size() != rater2.size()) {
      throw new IllegalArgumentException("raters judged " + rater1.size() + " and " + rater2.size() + " items");
    }
    if (rater1.isEmpty()) throw new IllegalArgumentException("no items to compare");
    Categories cats = Categories.of(rater1, rater2);
    int k = cats.size();
    double[][] observed = new double[k][k];
    for (int i = 0; i < rater1.size(); i++) {
      observed[cats.index(rater1.get(i))][cats.index(rater2.get(i))]++;
    }
    return fromMatrix(observed, weights);
  }

  /** κ from a k×k confusion matrix (rows: rater 1, columns: rater 2). */
  public static double fromMatrix(double[][] observed, Weights weights) {
    int k = observed.length;
    double[] rows = new double[k];
    double[] cols = new double[k];
    double n = 0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        rows[i] += observed[i][j];
        cols[j] += observed[i][j];
        n += observed[i][j];
      }
    }
    double wObserved = 0;
    double wExpected = 0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double w = switch (weights) {
          case NONE -> i == j ? 0 : 1;
          case LINEAR -> Math.abs(i - j);
          case QUADRATIC -> (double) (i - j) * (i - j);
        };
        wObserved += w * observed[i][j];
        wExpected += w * rows[i] * cols[j] / n;
      }
    }
    return 1 - wObserved / wExpected;
  }
}
