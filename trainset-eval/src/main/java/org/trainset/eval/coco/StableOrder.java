package org.trainset.eval.coco;

/**
 * numpy's {@code argsort(-scores, kind='mergesort')}: indices by descending score, ties in input
 * order. A merge sort on primitive indices (no boxing; this runs once per image/category and
 * once per category/area/maxDets).
 */
final class StableOrder {
  private static final int INSERTION = 16;

  private StableOrder() {}

  static int[] descending(double[] scores) {
    int n = scores.length;
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) idx[i] = i;
    if (n > 1) sort(idx, new int[n], 0, n, scores);
    return idx;
  }

  /** a before b when its score is larger; compared with < and > so -0.0 and 0.0 tie, as in numpy. */
  private static boolean before(double[] s, int a, int b) {
    return s[a] > s[b];
  }

  private static void sort(int[] a, int[] tmp, int lo, int hi, double[] s) {
    if (hi - lo <= INSERTION) {
      for (int i = lo + 1; i < hi; i++) {
        int v = a[i];
        int j = i - 1;
        while (j >= lo && before(s, v, a[j])) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = v;
      }
      return;
    }
    int mid = (lo + hi) >>> 1;
    sort(a, tmp, lo, mid, s);
    sort(a, tmp, mid, hi, s);
    if (!before(s, a[mid], a[mid - 1])) return; // already in order
    System.arraycopy(a, lo, tmp, lo, hi - lo);
    int i = lo, j = mid, k = lo;
    while (i < mid && j < hi) a[k++] = before(s, tmp[j], tmp[i]) ? tmp[j++] : tmp[i++];
    while (i < mid) a[k++] = tmp[i++];
    while (j < hi) a[k++] = tmp[j++];
  }
}
