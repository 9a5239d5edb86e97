package org.trainset.eval.coco;

import java.util.Arrays;

/**
 * Polygon rasterisation exactly as pycocotools' {@code rleFrPoly} (maskApi.c): vertices are
 * upsampled ×5 and rounded with {@code (int)(5x+.5)}, the boundary is walked densely, crossings
 * of pixel-column centres are kept, and the sorted boundary positions become run lengths. Pixel
 * results differ from a "pixel centre inside polygon" test on many edges, which changes segm AP.
 */
final class PolygonRaster {
  private static final double SCALE = 5;

  private PolygonRaster() {}

  /** Run lengths (alternating, starting with zeros; may contain zero-length runs). */
  static long[] rleFrPoly(double[] xy, int h, int w) {
    int k = xy.length / 2;
    int[] x = new int[k + 1];
    int[] y = new int[k + 1];
    for (int j = 0; j < k; j++) x[j] = (int) (SCALE * xy[j * 2] + .5);
    x[k] = x[0];
    for (int j = 0; j < k; j++) y[j] = (int) (SCALE * xy[j * 2 + 1] + .5);
    y[k] = y[0];
    int m = 0;
    for (int j = 0; j < k; j++) m += Math.max(Math.abs(x[j] - x[j + 1]), Math.abs(y[j] - y[j + 1])) + 1;
    int[] u = new int[m];
    int[] v = new int[m];
    m = 0;
    for (int j = 0; j < k; j++) {
      int xs = x[j], xe = x[j + 1], ys = y[j], ye = y[j + 1];
      int dx = Math.abs(xe - xs), dy = Math.abs(ys - ye);
      boolean flip = (dx >= dy && xs > xe) || (dx < dy && ys > ye);
      if (flip) {
        int t = xs; xs = xe; xe = t;
        t = ys; ys = ye; ye = t;
      }
      double s = dx >= dy ? (double) (ye - ys) / dx : (double) (xe - xs) / dy;
      if (dx >= dy) {
        for (int d = 0; d <= dx; d++) {
          int t = flip ? dx - d : d;
          u[m] = t + xs;
          v[m] = (int) (ys + s * t + .5);
          m++;
        }
      } else {
        for (int d = 0; d <= dy; d++) {
          int t = flip ? dy - d : d;
          v[m] = t + ys;
          u[m] = (int) (xs + s * t + .5);
          m++;
        }
      }
    }
    // points where the boundary crosses a pixel column centre, downsampled to pixels
    int kk = m;
    long[] a = new long[kk + 1];
    int n = 0;
    for (int j = 1; j < kk; j++) {
      if (u[j] == u[j - 1]) continue;
      double xd = u[j] < u[j - 1] ? u[j] : u[j] - 1;
      xd = (xd + .5) / SCALE - .5;
      if (Math.floor(xd) != xd || xd < 0 || xd > w - 1) continue;
      double yd = v[j] < v[j - 1] ? v[j] : v[j - 1];
      yd = (yd + .5) / SCALE - .5;
      if (yd < 0) yd = 0; else if (yd > h) yd = h;
      yd = Math.ceil(yd);
      a[n++] = (long) ((int) xd * h + (int) yd);
    }
    a[n++] = (long) h * w;
    Arrays.sort(a, 0, n);
    long p = 0;
    for (int j = 0; j < n; j++) {
      long t = a[j];
      a[j] -= p;
      p = t;
    }
    return Arrays.copyOf(a, n);
  }
}
