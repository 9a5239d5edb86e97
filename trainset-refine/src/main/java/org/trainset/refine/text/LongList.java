package org.trainset.refine.text;

import java.util.Arrays;

/** A growable primitive long array (no boxing for millions of packed pairs). */
final class LongList {
  private long[] data = new long[1024];
  private int size;

  void add(long v) {
    if (size == data.length) data = Arrays.copyOf(data, data.length * 2);
    data[size++] = v;
  }

  void addAll(LongList other) {
    if (size + other.size > data.length) data = Arrays.copyOf(data, Math.max(data.length * 2, size + other.size));
    System.arraycopy(other.data, 0, data, size, other.size);
    size += other.size;
  }

  /** Sorted distinct values. */
  long[] sortedDistinct() {
    long[] a = Arrays.copyOf(data, size);
    Arrays.parallelSort(a);
    int u = 0;
    for (int i = 0; i < a.length; i++) if (u == 0 || a[i] != a[u - 1]) a[u++] = a[i];
    return Arrays.copyOf(a, u);
  }
}
