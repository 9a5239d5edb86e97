package org.trainset.refine.text;

import java.util.Arrays;

/**
 * Character n-gram sets of normalised text (spaces included, so word boundaries count). Each
 * n-gram becomes a 64-bit key: for n ≤ 3 the code points are packed 21 bits each, which is
 * injective, so Jaccard similarity on the keys is exactly Jaccard on the n-gram sets; for n > 3
 * the key is a 64-bit hash (a collision needs ~2^32 distinct n-grams in one pair). A text shorter
 * than n is one shingle: itself.
 */
public final class Shingles {
  private Shingles() {}

  /** Sorted, distinct shingle keys of {@code normalized}; empty for empty text. */
  public static long[] of(String normalized, int n) {
    if (normalized.isEmpty()) return new long[0];
    int[] cp = normalized.codePoints().toArray();
    if (cp.length <= n) return new long[] {key(cp, 0, cp.length, n) | (1L << 63)};
    long[] keys = new long[cp.length - n + 1];
    for (int i = 0; i < keys.length; i++) keys[i] = key(cp, i, i + n, n);
    Arrays.sort(keys);
    int u = 0;
    for (int i = 0; i < keys.length; i++) if (i == 0 || keys[i] != keys[u - 1]) keys[u++] = keys[i];
    return u == keys.length ? keys : Arrays.copyOf(keys, u);
  }

  private static long key(int[] cp, int from, int to, int n) {
    if (n > 3) return Hashing.hashCodePoints(cp, from, to) & Long.MAX_VALUE;
    long k = 0;
    for (int i = from; i < to; i++) k = (k << 21) | cp[i];
    return k;
  }

  /** Exact Jaccard similarity |a ∩ b| / |a ∪ b| of two sorted distinct key arrays (1 when both empty). */
  public static double jaccard(long[] a, long[] b) {
    if (a.length == 0 && b.length == 0) return 1.0;
    int i = 0, j = 0, inter = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) { inter++; i++; j++; } else if (a[i] < b[j]) i++; else j++;
    }
    return (double) inter / (a.length + b.length - inter);
  }
}
