package org.trainset.eval.split;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.trainset.eval.num.NumpySum;

/**
 * K folds that keep groups whole and class shares even: scikit-learn's
 * {@code StratifiedGroupKFold} algorithm. Groups are taken in order of decreasing standard
 * deviation of their class counts (stable, so ties keep sorted-group-name order), and each goes
 * to the fold that minimises the mean over classes of the standard deviation across folds of
 * the class's share; near-ties ({@code numpy.isclose}) go to the fold with fewer samples. Without
 * shuffling the fold of every item equals scikit-learn's (1.2) exactly; with a seed the group
 * order is shuffled by {@link Random} first, which is deterministic but not numpy's generator.
 */
public final class StratifiedGroupKFold {
  private StratifiedGroupKFold() {}

  /** The fold (0..k-1) of each sample, in input order. */
  public static int[] folds(List<SplitSample> samples, int k, Long shuffleSeed) {
    Encoded e = new Encoded(samples);
    int G = e.groupNames.length, C = e.classNames.length;
    double[][] perGroup = new double[G][C];
    for (int i = 0; i < samples.size(); i++) perGroup[e.groupOf[i]][e.classOf[i]] += 1;
    Integer[] groupIds = new Integer[G];
    for (int g = 0; g < G; g++) groupIds[g] = g;
    if (shuffleSeed != null) {
      List<Integer> l = Arrays.asList(groupIds);
      java.util.Collections.shuffle(l, new Random(shuffleSeed));
    }
    double[] std = new double[G];
    for (int g = 0; g < G; g++) std[g] = std(perGroup[groupIds[g]]);
    Integer[] order = new Integer[G];
    for (int i = 0; i < G; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> Double.compare(-std[a] + 0.0, -std[b] + 0.0));
    double[][] perFold = new double[k][C];
    int[] foldOfGroup = new int[G];
    for (int pos : order) {
      int g = groupIds[pos];
      int best = bestFold(perFold, e.classCount, perGroup[g]);
      for (int c = 0; c < C; c++) perFold[best][c] += perGroup[g][c];
      foldOfGroup[g] = best;
    }
    int[] out = new int[samples.size()];
    for (int i = 0; i < out.length; i++) out[i] = foldOfGroup[e.groupOf[i]];
    return out;
  }

  private static int bestFold(double[][] perFold, int[] classCount, double[] groupCounts) {
    int k = perFold.length, C = classCount.length;
    int best = -1;
    double minEval = Double.POSITIVE_INFINITY;
    double minSamples = Double.POSITIVE_INFINITY;
    double[] stdPerClass = new double[C];
    double[] share = new double[k];
    for (int i = 0; i < k; i++) {
      for (int c = 0; c < C; c++) {
        for (int f = 0; f < k; f++) {
          double count = perFold[f][c] + (f == i ? groupCounts[c] : 0);
          share[f] = count / classCount[c];
        }
        stdPerClass[c] = stdAlongFolds(share);
      }
      double eval = NumpySum.mean(stdPerClass, C);
      double samples = 0;
      for (int c = 0; c < C; c++) samples += perFold[i][c];
      boolean better = eval < minEval || (isclose(eval, minEval) && samples < minSamples);
      if (better) {
        minEval = eval;
        minSamples = samples;
        best = i;
      }
    }
    return best;
  }

  /** numpy.std of a contiguous row (pairwise sums), ddof 0. */
  static double std(double[] row) {
    int n = row.length;
    double mean = NumpySum.sum(row, 0, n) / n;
    double[] sq = new double[n];
    for (int i = 0; i < n; i++) sq[i] = (row[i] - mean) * (row[i] - mean);
    return Math.sqrt(NumpySum.sum(sq, 0, n) / n);
  }

  /** numpy.std along axis 0 of a C-ordered array: rows are added one after another. */
  private static double stdAlongFolds(double[] v) {
    double sum = 0;
    for (double d : v) sum += d;
    double mean = sum / v.length;
    double ss = 0;
    for (double d : v) ss += (d - mean) * (d - mean);
    return Math.sqrt(ss / v.length);
  }

  /** numpy.isclose with default rtol 1e-5 and atol 1e-8. */
  static boolean isclose(double a, double b) {
    if (Double.isInfinite(a) || Double.isInfinite(b)) return a == b;
    return Math.abs(a - b) <= 1e-8 + 1e-5 * Math.abs(b);
  }
}
