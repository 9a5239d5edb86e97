package org.trainset.refine.images;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * 64-bit perceptual hashes of a decoded image, computed in one pass over its pixels.
 *
 * <p>Both start from luma (ITU-R BT.601: 0.299 R + 0.587 G + 0.114 B) averaged over equal boxes
 * of the image (area averaging: every column counts, and every row of images up to 319 px tall;
 * taller images sample every (height / 160)-th row, so each box row still averages ≥ 5 rows).
 * <b>pHash</b>: 32×32 luma → 2-D DCT-II → the 8×8 lowest frequencies (DC included) → bit set
 * where the coefficient exceeds their median (as the {@code imagehash} library does).
 * <b>dHash</b>: 9×8 luma → bit set where a pixel is brighter than its left neighbour.
 * Bits are numbered row-major from the most significant.
 */
public final class PerceptualHash {
  private static final int N = 32;
  private static final double[][] COS = new double[8][N];

  static {
    for (int u = 0; u < 8; u++) {
      for (int x = 0; x < N; x++) COS[u][x] = Math.cos((2 * x + 1) * u * Math.PI / (2 * N));
    }
  }

  private PerceptualHash() {}

  /** [pHash, dHash] of {@code image}. */
  public static long[] of(BufferedImage image) {
    int w = image.getWidth(), h = image.getHeight();
    int[] bx32 = bins(w, N), by32 = bins(h, N), bx9 = bins(w, 9), by8 = bins(h, 8);
    long[] grid32 = new long[N * N];
    long[] grid98 = new long[9 * 8];
    // Per row: luma into an int row (integer BT.601 weights × 1024: 306 R + 601 G + 117 B), then
    // sum each column box's contiguous range in a register; then add the row to its box row.
    int[] luma = new int[w];
    int[] cut32 = starts(bx32, N), cut9 = starts(bx9, 9);
    byte[] bgr = image.getType() == BufferedImage.TYPE_3BYTE_BGR
        ? ((DataBufferByte) image.getRaster().getDataBuffer()).getData() : null;
    byte[] gray = image.getType() == BufferedImage.TYPE_BYTE_GRAY
        ? ((DataBufferByte) image.getRaster().getDataBuffer()).getData() : null;
    int[] rgb = bgr == null && gray == null ? new int[w] : null;
    // Tall images: every step-th row is enough for box means (each of the 32 box rows still gets
    // ≥ 5 rows), and it keeps hashing well under the cost of decoding. All columns are used.
    int step = Math.max(1, h / 160);
    int[] sampledRows32 = new int[N], sampledRows8 = new int[8];
    for (int y = 0; y < h; y += step) {
      sampledRows32[by32[y]]++;
      sampledRows8[by8[y]]++;
      if (bgr != null) {
        for (int x = 0, o = y * w * 3; x < w; x++, o += 3) {
          luma[x] = 117 * (bgr[o] & 0xff) + 601 * (bgr[o + 1] & 0xff) + 306 * (bgr[o + 2] & 0xff);
        }
      } else if (gray != null) {
        for (int x = 0, o = y * w; x < w; x++, o++) luma[x] = (gray[o] & 0xff) << 10;
      } else {
        image.getRGB(0, y, w, 1, rgb, 0, w);
        for (int x = 0; x < w; x++) {
          int p = rgb[x];
          luma[x] = 306 * ((p >> 16) & 0xff) + 601 * ((p >> 8) & 0xff) + 117 * (p & 0xff);
        }
      }
      addRanges(luma, cut32, grid32, by32[y] * N);
      addRanges(luma, cut9, grid98, by8[y] * 9);
    }
    return new long[] {phash(means(grid32, counts(bx32, N), sampledRows32, N)),
        dhash(means(grid98, counts(bx9, 9), sampledRows8, 9))};
  }

  /** Where each box starts: starts[k] = first coordinate in box k; starts[n] = size. */
  private static int[] starts(int[] bins, int n) {
    int[] s = new int[n + 1];
    java.util.Arrays.fill(s, bins.length);
    for (int i = bins.length - 1; i >= 0; i--) s[bins[i]] = i;
    for (int k = n - 1; k >= 0; k--) s[k] = Math.min(s[k], s[k + 1]);
    return s;
  }

  private static void addRanges(int[] row, int[] starts, long[] grid, int offset) {
    for (int k = 0; k + 1 < starts.length; k++) {
      long sum = 0;
      for (int x = starts[k]; x < starts[k + 1]; x++) sum += row[x];
      grid[offset + k] += sum;
    }
  }

  private static int[] counts(int[] bins, int n) {
    int[] c = new int[n];
    for (int b : bins) c[b]++;
    return c;
  }

  private static double[] means(long[] sums, int[] colCounts, int[] rowCounts, int cols) {
    double[] m = new double[sums.length];
    for (int i = 0; i < sums.length; i++) {
      long n = (long) colCounts[i % cols] * rowCounts[i / cols];
      m[i] = n == 0 ? 0 : sums[i] / (1024.0 * n);
    }
    return m;
  }

  /** Which of {@code n} equal boxes each coordinate falls in. */
  private static int[] bins(int size, int n) {
    int[] b = new int[size];
    for (int i = 0; i < size; i++) b[i] = (int) ((long) i * n / size);
    return b;
  }

  static long phash(double[] g) {
    double[] rows = new double[8 * N]; // DCT along x for 8 frequencies, per row
    for (int y = 0; y < N; y++) {
      for (int u = 0; u < 8; u++) {
        double s = 0;
        for (int x = 0; x < N; x++) s += g[y * N + x] * COS[u][x];
        rows[u * N + y] = s;
      }
    }
    double[] low = new double[64];
    for (int v = 0; v < 8; v++) {
      for (int u = 0; u < 8; u++) {
        double s = 0;
        for (int y = 0; y < N; y++) s += rows[u * N + y] * COS[v][y];
        low[v * 8 + u] = s;
      }
    }
    double[] sorted = low.clone();
    java.util.Arrays.sort(sorted);
    double median = (sorted[31] + sorted[32]) / 2;
    long bits = 0;
    for (int i = 0; i < 64; i++) bits = (bits << 1) | (low[i] > median ? 1 : 0);
    return bits;
  }

  static long dhash(double[] g) {
    long bits = 0;
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 8; x++) bits = (bits << 1) | (g[y * 9 + x + 1] > g[y * 9 + x] ? 1 : 0);
    }
    return bits;
  }

  public static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }
}
