package org.trainset.refine.images;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * 64-bit perceptual hashes of an image, with the definitions of the {@code imagehash} library
 * (so distance thresholds mean the same): <b>pHash</b>: grey 32×32 → 2-D DCT-II → the 8×8 lowest
 * frequencies (DC included) → bit set where the coefficient exceeds their median. <b>dHash</b>:
 * grey 9×8 → bit set where a pixel is brighter than its left neighbour. Bits are numbered
 * row-major from the most significant.
 *
 * <p>Grey is luma (ITU-R BT.601: 0.299 R + 0.587 G + 0.114 B, which is also a JPEG's Y channel),
 * resized with Pillow's Lanczos filter and rounded to whole grey levels as imagehash does. Given a
 * JPEG reduced by DCT scaling ({@link ReducedJpeg}: each pixel the mean of an 8×8 block), the
 * filter's support (±3 output pixels, 200+ source pixels for the 9×8 grid) dwarfs the block, so
 * the grids equal those of the full-size image to within a grey level.
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

  /** [pHash, dHash] of a decoded image. */
  public static long[] of(BufferedImage image) {
    int w = image.getWidth(), h = image.getHeight();
    byte[] grey = new byte[w * h];
    if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
      System.arraycopy(((DataBufferByte) image.getRaster().getDataBuffer()).getData(), 0, grey, 0, grey.length);
    } else if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
      byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
      for (int i = 0, o = 0; i < grey.length; i++, o += 3) {
        grey[i] = (byte) ((117 * (bgr[o] & 0xff) + 601 * (bgr[o + 1] & 0xff) + 306 * (bgr[o + 2] & 0xff) + 512) >> 10);
      }
    } else {
      int[] rgb = new int[w];
      for (int y = 0; y < h; y++) {
        image.getRGB(0, y, w, 1, rgb, 0, w);
        for (int x = 0; x < w; x++) {
          int p = rgb[x];
          grey[y * w + x] = (byte) ((306 * ((p >> 16) & 0xff) + 601 * ((p >> 8) & 0xff) + 117 * (p & 0xff) + 512) >> 10);
        }
      }
    }
    return ofGrey(grey, w, h);
  }

  /** [pHash, dHash] of a grey image, row-major, {@code w * h} bytes. */
  public static long[] ofGrey(byte[] grey, int w, int h) {
    return new long[] {phash(resample(grey, w, h, N, N)), dhash(resample(grey, w, h, 9, 8))};
  }

  /**
   * {@code grey} resized to {@code cols × rows} as Pillow's {@code resize(..., LANCZOS)} does it
   * (imagehash's resize): a separable Lanczos-3 filter stretched by the scale factor when
   * shrinking, horizontal pass first, each pass rounded and clipped to whole grey levels.
   */
  static double[] resample(byte[] grey, int w, int h, int cols, int rows) {
    Kernel kx = Kernel.of(w, cols), ky = Kernel.of(h, rows);
    int[] mid = new int[cols * h];
    for (int y = 0; y < h; y++) {
      int o = y * w;
      for (int c = 0; c < cols; c++) {
        double s = 0;
        double[] k = kx.weights[c];
        for (int i = 0, x = kx.first[c]; i < k.length; i++, x++) s += k[i] * (grey[o + x] & 0xff);
        mid[y * cols + c] = clip(s);
      }
    }
    double[] out = new double[cols * rows];
    for (int r = 0; r < rows; r++) {
      double[] k = ky.weights[r];
      for (int c = 0; c < cols; c++) {
        double s = 0;
        for (int i = 0, y = ky.first[r]; i < k.length; i++, y++) s += k[i] * mid[y * cols + c];
        out[r * cols + c] = clip(s);
      }
    }
    return out;
  }

  private static int clip(double v) {
    return (int) Math.max(0, Math.min(255, Math.floor(v + 0.5)));
  }

  /** Pillow's precompute_coeffs for the Lanczos filter (support 3): per output pixel, its taps. */
  private static final class Kernel {
    /** Kernels by (input size, output size): a collection's images mostly share a few sizes. */
    private static final java.util.concurrent.ConcurrentHashMap<Long, Kernel> CACHE = new java.util.concurrent.ConcurrentHashMap<>();
    final int[] first;
    final double[][] weights;

    static Kernel of(int inSize, int outSize) {
      if (CACHE.size() > 4096) CACHE.clear();
      return CACHE.computeIfAbsent(((long) inSize << 32) | outSize, k -> new Kernel(inSize, outSize));
    }

    Kernel(int inSize, int outSize) {
      double scale = (double) inSize / outSize;
      double filterScale = Math.max(scale, 1.0);
      double support = 3.0 * filterScale;
      first = new int[outSize];
      weights = new double[outSize][];
      for (int o = 0; o < outSize; o++) {
        double center = (o + 0.5) * scale;
        int min = Math.max((int) (center - support + 0.5), 0);
        int max = Math.min((int) (center + support + 0.5), inSize);
        double[] k = new double[Math.max(0, max - min)];
        double sum = 0;
        for (int i = 0; i < k.length; i++) {
          k[i] = lanczos((i + min - center + 0.5) / filterScale);
          sum += k[i];
        }
        if (sum != 0) for (int i = 0; i < k.length; i++) k[i] /= sum;
        first[o] = min;
        weights[o] = k;
      }
    }

    private static double lanczos(double x) {
      if (x <= -3.0 || x >= 3.0) return 0;
      return sinc(x) * sinc(x / 3.0);
    }

    private static double sinc(double x) {
      if (x == 0) return 1;
      x *= Math.PI;
      return Math.sin(x) / x;
    }
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
