package org.trainset.eval.split;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The other scikit-learn (1.2) k-fold splitters, unshuffled: {@code StratifiedKFold},
 * {@code GroupKFold} and {@code KFold}. StratifiedKFold and KFold reproduce scikit-learn's folds
 * exactly; GroupKFold does when no two groups have the same size (scikit-learn orders tied
 * sizes with an unstable quicksort; here ties go to the later group name first, which is what
 * numpy does for fewer than 17 groups).
 */
public final class SklearnKFolds {
  private SklearnKFolds() {}

  /** StratifiedKFold(shuffle=False): classes numbered by first appearance, counts dealt round-robin. */
  public static int[] stratified(List<SplitSample> samples, int k) {
    int n = samples.size();
    Map<String, Integer> firstSeen = new LinkedHashMap<>();
    int[] enc = new int[n];
    for (int i = 0; i < n; i++) {
      enc[i] = firstSeen.computeIfAbsent(samples.get(i).cls(), c -> firstSeen.size());
    }
    int C = firstSeen.size();
    int[] counts = new int[C];
    for (int c : enc) counts[c]++;
    if (Arrays.stream(counts).allMatch(c -> k > c)) {
      throw new SplitRequestException("folds", k + " folds are more than the number of items in every class");
    }
    int[] sorted = enc.clone();
    Arrays.sort(sorted);
    int[][] allocation = new int[k][C];
    for (int i = 0; i < n; i++) allocation[i % k][sorted[i]]++;
    int[] out = new int[n];
    for (int c = 0; c < C; c++) {
      int fold = 0, used = 0;
      for (int i = 0; i < n; i++) {
        if (enc[i] != c) continue;
        while (used == allocation[fold][c]) {
          fold++;
          used = 0;
        }
        out[i] = fold;
        used++;
      }
    }
    return out;
  }

  /** GroupKFold: largest groups first, each to the currently lightest fold (lowest index on ties). */
  public static int[] grouped(List<SplitSample> samples, int k) {
    Encoded e = new Encoded(samples);
    int G = e.groupNames.length;
    if (k > G) throw new SplitRequestException("folds", k + " folds are more than the number of groups (" + G + ")");
    long[] size = new long[G];
    for (int g : e.groupOf) size[g]++;
    Integer[] asc = new Integer[G];
    for (int g = 0; g < G; g++) asc[g] = g;
    Arrays.sort(asc, (a, b) -> Long.compare(size[a], size[b]));
    double[] perFold = new double[k];
    int[] foldOf = new int[G];
    for (int j = G - 1; j >= 0; j--) {
      int g = asc[j];
      int lightest = 0;
      for (int f = 1; f < k; f++) if (perFold[f] < perFold[lightest]) lightest = f;
      perFold[lightest] += size[g];
      foldOf[g] = lightest;
    }
    int[] out = new int[samples.size()];
    for (int i = 0; i < out.length; i++) out[i] = foldOf[e.groupOf[i]];
    return out;
  }

  /** KFold(shuffle=False): contiguous folds in input order, the first n % k one item larger. */
  public static int[] plain(int n, int k) {
    if (k > n) throw new SplitRequestException("folds", k + " folds are more than the number of items (" + n + ")");
    int[] out = new int[n];
    int at = 0;
    for (int f = 0; f < k; f++) {
      int size = n / k + (f < n % k ? 1 : 0);
      for (int i = 0; i < size; i++) out[at++] = f;
    }
    return out;
  }
}
