package org.trainset.refine.images;

import java.util.function.IntConsumer;

/**
 * Multi-index hashing (Norouzi, Punjani and Fleet, CVPR 2012) over 64-bit codes: the code is cut
 * into m substrings and each substring indexes its own table. By pigeonhole, two codes within
 * Hamming distance r agree within floor(r/m) on at least one substring, so a query probes, per
 * table, every value within that small radius and checks only the codes found there: no
 * all-pairs comparison. m ≈ 64 / log2(n) keeps buckets near one entry each. Tables are sorted
 * id arrays with offsets (counting sort), 4 bytes per code per table plus 2^width offsets.
 */
public final class MultiIndexHash {
  private final long[] codes;
  private final int m;
  private final int[] shift;
  private final int[] width;
  private final int[][] offsets;
  private final int[][] ids;

  public MultiIndexHash(long[] codes) {
    this(codes, substringsFor(codes.length));
  }

  public MultiIndexHash(long[] codes, int substrings) {
    this.codes = codes;
    this.m = substrings;
    this.shift = new int[m];
    this.width = new int[m];
    int pos = 64;
    for (int t = 0; t < m; t++) {
      width[t] = 64 / m + (t < 64 % m ? 1 : 0);
      pos -= width[t];
      shift[t] = pos;
    }
    offsets = new int[m][];
    ids = new int[m][];
    for (int t = 0; t < m; t++) build(t);
  }

  /** m = round(64 / log2 n), kept so a table has at most 2^24 slots and at least 4 bits. */
  static int substringsFor(int n) {
    double bits = Math.max(1, Math.log(Math.max(2, n)) / Math.log(2));
    int m = (int) Math.round(64 / bits);
    return Math.max(3, Math.min(16, m));
  }

  public int substrings() {
    return m;
  }

  private int sub(long code, int t) {
    return (int) ((code >>> shift[t]) & ((1L << width[t]) - 1));
  }

  private void build(int t) {
    int[] off = new int[(1 << width[t]) + 1];
    for (long c : codes) off[sub(c, t) + 1]++;
    for (int i = 1; i < off.length; i++) off[i] += off[i - 1];
    int[] fill = off.clone();
    int[] list = new int[codes.length];
    for (int i = 0; i < codes.length; i++) list[fill[sub(codes[i], t)]++] = i;
    offsets[t] = off;
    ids[t] = list;
  }

  /** Calls {@code hit} once for every indexed code within Hamming distance {@code radius} of {@code query}. */
  public void query(long query, int radius, IntConsumer hit) {
    int s = radius / m;
    for (int t = 0; t < m; t++) probe(t, sub(query, t), s, 0, query, radius, s, hit);
  }

  /** Enumerates values within {@code left} more bit flips of {@code value} (flipping bits ≥ {@code from}). */
  private void probe(int t, int value, int left, int from, long query, int radius, int s, IntConsumer hit) {
    visit(t, value, query, radius, s, hit);
    if (left == 0) return;
    for (int b = from; b < width[t]; b++) probe(t, value ^ (1 << b), left - 1, b + 1, query, radius, s, hit);
  }

  private void visit(int t, int value, long query, int radius, int s, IntConsumer hit) {
    int[] off = offsets[t];
    int[] list = ids[t];
    for (int k = off[value]; k < off[value + 1]; k++) {
      int id = list[k];
      long code = codes[id];
      if (Long.bitCount(code ^ query) > radius) continue;
      if (foundInEarlierTable(code, query, t, s)) continue; // report each code once
      hit.accept(id);
    }
  }

  private boolean foundInEarlierTable(long code, long query, int t, int s) {
    for (int e = 0; e < t; e++) {
      if (Integer.bitCount(sub(code, e) ^ sub(query, e)) <= s) return true;
    }
    return false;
  }
}
