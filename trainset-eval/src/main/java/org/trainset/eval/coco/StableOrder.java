package org.trainset.eval.coco;

import java.util.Arrays;
import java.util.Comparator;

/** numpy's {@code argsort(-scores, kind='mergesort')}: descending by score, ties in input order. */
final class StableOrder {
  private StableOrder() {}

  static Integer[] descending(double[] scores) {
    Integer[] idx = new Integer[scores.length];
    for (int i = 0; i < idx.length; i++) idx[i] = i;
    // compare with < and > rather than Double.compare so -0.0 and 0.0 tie, as in numpy
    Comparator<Integer> byScoreDesc = (a, b) -> {
      double x = scores[a], y = scores[b];
      return x > y ? -1 : x < y ? 1 : 0;
    };
    Arrays.sort(idx, byScoreDesc); // TimSort: stable, like mergesort
    return idx;
  }
}
