package org.trainset.refine.images;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HexFormat;

/**
 * The fingerprints of a collection as primitive arrays, by item index: 32 bytes an image (pHash,
 * dHash and the first 128 bits of the SHA-256) instead of a {@link Fingerprint} object (about 200
 * bytes with its hex string). Exact duplicates are files whose SHA-256 agree on those 128 bits:
 * two different files collide there with probability 2^-128 a pair, and the other half of the
 * digest would cost another 16 bytes an image. Filled while the items stream in: chunks of {@value #CHUNK} entries
 * are added as the index grows (no doubling copies), by the one thread that hands out indices,
 * before any worker writes into them.
 */
final class FingerprintTable implements HashPipeline.Sink {
  static final int CHUNK = 1 << 16;
  private volatile long[][] phash = new long[0][], dhash = new long[0][], sha = new long[0][], sha2 = new long[0][];
  private final BitSet present = new BitSet();
  private int size;

  /** Makes room for index {@code i}; called by the producing thread before {@link #set}. */
  void ensure(int i) {
    size = Math.max(size, i + 1);
    int chunks = i / CHUNK + 1;
    if (chunks <= phash.length) return;
    long[][] p = Arrays.copyOf(phash, chunks), d = Arrays.copyOf(dhash, chunks), s = Arrays.copyOf(sha, chunks),
        s2 = Arrays.copyOf(sha2, chunks);
    for (int c = phash.length; c < chunks; c++) {
      p[c] = new long[CHUNK];
      d[c] = new long[CHUNK];
      s[c] = new long[CHUNK];
      s2[c] = new long[CHUNK];
    }
    sha2 = s2;
    dhash = d;
    sha = s;
    phash = p; // volatile write last: a worker that sees the new pHash chunks sees the others
  }

  /** Stores the fingerprint of item {@code i} (any thread; each index written once). */
  @Override public void set(int i, Fingerprint f) {
    long[][] p = phash;
    p[i / CHUNK][i % CHUNK] = f.phash();
    dhash[i / CHUNK][i % CHUNK] = f.dhash();
    sha[i / CHUNK][i % CHUNK] = HexFormat.fromHexDigitsToLong(f.sha256(), 0, 16);
    sha2[i / CHUNK][i % CHUNK] = HexFormat.fromHexDigitsToLong(f.sha256(), 16, 32);
    synchronized (present) {
      present.set(i);
    }
  }

  int size() {
    return size;
  }

  boolean has(int i) {
    return present.get(i);
  }

  long phash(int i) {
    return phash[i / CHUNK][i % CHUNK];
  }

  long dhash(int i) {
    return dhash[i / CHUNK][i % CHUNK];
  }

  /** The first 64 bits of the file's SHA-256 (bits 64..127: {@link #sameBytes}). */
  long shaPrefix(int i) {
    return sha[i / CHUNK][i % CHUNK];
  }

  /** Whether images {@code i} and {@code j} have the same SHA-256 (its first 128 bits). */
  boolean sameBytes(int i, int j) {
    return shaPrefix(i) == shaPrefix(j) && sha2[i / CHUNK][i % CHUNK] == sha2[j / CHUNK][j % CHUNK];
  }

  long count() {
    return present.cardinality();
  }

  /** The pHashes as one array of {@link #size} entries (absent images 0), for the index. */
  long[] phashes() {
    long[] out = new long[size];
    for (int c = 0; c * CHUNK < size; c++) System.arraycopy(phash[c], 0, out, c * CHUNK, Math.min(CHUNK, size - c * CHUNK));
    return out;
  }
}
