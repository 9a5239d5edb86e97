package org.trainset.refine.text;

import java.util.SplittableRandom;

/**
 * MinHash signatures with {@code permutations} hash functions h_k(x) = (a_k·x + b_k) >>> 32 over
 * x = mix64(shingle) (multiply-shift hashing, a_k odd; Dietzfelbinger et al.), seeded so the
 * same seed gives the same signatures. Only band hashes are kept, not whole signatures, so a
 * million texts cost bands × 4 bytes each.
 */
public final class MinHasher implements java.io.Serializable {
  private final long[] a;
  private final long[] b;
  private final LshParams lsh;

  public MinHasher(int permutations, LshParams lsh, long seed) {
    if (lsh.bands() * lsh.rows() > permutations) throw new IllegalArgumentException("bands × rows exceeds permutations");
    SplittableRandom r = new SplittableRandom(seed);
    a = new long[permutations];
    b = new long[permutations];
    for (int k = 0; k < permutations; k++) {
      a[k] = r.nextLong() | 1L;
      b[k] = r.nextLong();
    }
    this.lsh = lsh;
  }

  public LshParams lsh() {
    return lsh;
  }

  /** The signature: for each permutation, the minimum hash over the shingles (unsigned 32-bit in a long). */
  public long[] signature(long[] shingles) {
    int p = a.length;
    long[] sig = new long[p];
    java.util.Arrays.fill(sig, Long.MAX_VALUE);
    for (long s : shingles) {
      long x = Hashing.mix64(s);
      for (int k = 0; k < p; k++) {
        long v = (a[k] * x + b[k]) >>> 32;
        if (v < sig[k]) sig[k] = v;
      }
    }
    return sig;
  }

  /** Writes one 32-bit hash per band of {@code shingles}' signature into {@code out[offset ...]}. */
  public void bandHashes(long[] shingles, int[] out, int offset) {
    long[] sig = signature(shingles);
    int rows = lsh.rows();
    for (int band = 0; band < lsh.bands(); band++) {
      long h = band * 0x9E3779B97F4A7C15L;
      for (int r = 0; r < rows; r++) h = Hashing.mix64(h ^ sig[band * rows + r]);
      out[offset + band] = (int) (h ^ (h >>> 32));
    }
  }
}
