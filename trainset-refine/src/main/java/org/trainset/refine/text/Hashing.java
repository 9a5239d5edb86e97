package org.trainset.refine.text;

/**
 * 64-bit mixing from MurmurHash3 ({@code fmix64}, Austin Appleby, public domain algorithm) and a
 * string hash built on it. Fast, allocation-free, and good enough that MinHash permutations
 * derived from it behave as independent (see {@link MinHasher}).
 */
public final class Hashing {
  private Hashing() {}

  public static long mix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  /** A 64-bit hash of code points {@code cp[from, to)}. */
  public static long hashCodePoints(int[] cp, int from, int to) {
    long h = 0x9E3779B97F4A7C15L ^ (to - from);
    for (int i = from; i < to; i++) h = mix64(h ^ (cp[i] * 0xC2B2AE3D27D4EB4FL)) + 0x165667B19E3779F9L;
    return mix64(h);
  }
}
