package org.trainset.refine.images;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * 64-bit perceptual hashes of a decoded image, computed in one pass over its pixels.
 *
 * <p>Both start from luma (ITU-R BT.601: 0.299 R + 0.587 G + 0.114 B) averaged over equal boxes
 * of the image (area averaging, so every pixel counts and scaling does not alias).
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
    double[] grid32 = new double[N * N];
    double[] grid98 = new double[9 * 8];
    int[] count32 = new int[N * N];
    int[] count98 = new int[9 * 8];
    int[] bx32 = bins(w, N), by32 = bins(h, N), bx9 = bins(w, 9), by8 = bins(h, 8);
    byte[] bgr = image.getType() == BufferedImage.TYPE_3BYTE_BGR
        ? ((DataBufferByte) image.getRaster().getDataBuffer()).getData() : null;
    byte[] gray = image.getType() == BufferedImage.TYPE_BYTE_GRAY
        ? ((DataBufferByte) image.getRaster().getDataBuffer()).getData() : null;
    int[] row = bgr == null && gray == null ? new int[w] : null;
    for (int y = 0; y < h; y++) {
      if (row != null) image.getRGB(0, y, w, 1, row, 0, w);
      int r32 = by32[y] * N, r8 = by8[y] * 9;
      for (int x = 0; x < w; x++) {
        double l;
        if (bgr != null) {
          int o = (y * w + x) * 3;
          l = 0.114 * (bgr[o] & 0xff) + 0.587 * (bgr[o + 1] & 0xff) + 0.299 * (bgr[o + 2] & 0xff);
        } else if (gray != null) {
          l = gray[y * w + x] & 0xff;
        } else {
          int p = row[x];
          l = 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
        }
        grid32[r32 + bx32[x]] += l;
        count32[r32 + bx32[x]]++;
        grid98[r8 + bx9[x]] += l;
        count98[r8 + bx9[x]]++;
      }
    }
    for (int i = 0; i < grid32.length; i++) grid32[i] /= Math.max(1, count32[i]);
    for (int i = 0; i < grid98.length; i++) grid98[i] /= Math.max(1, count98[i]);
    return new long[] {phash(grid32), dhash(grid98)};
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
