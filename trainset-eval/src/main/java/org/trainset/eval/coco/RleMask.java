package org.trainset.eval.coco;

import java.util.Arrays;
import org.trainset.core.geometry.MaskBits;

/**
 * A binary mask over an {@code h × w} image as sorted foreground intervals of the column-major
 * pixel index: the pixel set pycocotools' RLE describes, in a form that makes area and
 * intersection one merge pass. Zero-length runs (which rleFrPoly and hand-written RLEs may
 * contain) only toggle the value, so they vanish here exactly as rleMerge/rleIou treat them.
 */
public final class RleMask {
  final int h;
  final int w;
  /** Interleaved [start, end) pairs, ascending and non-touching. */
  private final long[] spans;
  private final long area;

  private RleMask(int h, int w, long[] spans) {
    this.h = h;
    this.w = w;
    this.spans = spans;
    long a = 0;
    for (int i = 0; i < spans.length; i += 2) a += spans[i + 1] - spans[i];
    this.area = a;
  }

  /** From alternating run lengths, starting with a run of zeros (COCO RLE counts). */
  public static RleMask fromCounts(long[] counts, int h, int w) {
    long[] spans = new long[counts.length + 1];
    int n = 0;
    long pos = 0;
    for (int i = 0; i < counts.length; i++) {
      long c = counts[i];
      if (i % 2 == 1 && c > 0) {
        if (n > 0 && spans[n - 1] == pos) {
          spans[n - 1] = pos + c; // a zero-length background run joins two foreground runs
        } else {
          spans[n++] = pos;
          spans[n++] = pos + c;
        }
      }
      pos += c;
    }
    return new RleMask(h, w, Arrays.copyOf(spans, n));
  }

  public static RleMask fromCounts(int[] counts, int h, int w) {
    long[] c = new long[counts.length];
    for (int i = 0; i < counts.length; i++) c[i] = Integer.toUnsignedLong(counts[i]);
    return fromCounts(c, h, w);
  }

  /** From pycocotools' compressed counts string (rleFrString). */
  public static RleMask fromString(String counts, int h, int w) {
    return fromCounts(MaskBits.decodeCocoString(counts), h, w);
  }

  /** Decodes a segmentation as COCO.annToRLE / loadRes would, polygons on an {@code h × w} image. */
  public static RleMask of(MaskSource s, int imageH, int imageW) {
    if (s.polygons() != null) {
      double[][] polys = s.polygons();
      RleMask merged = null;
      // frPyObjects treats a list whose first entry has exactly 4 numbers as boxes, not polygons
      boolean boxes = polys.length > 0 && polys[0].length == 4;
      for (double[] p : polys) {
        double[] xy = boxes ? boxPolygon(p) : p;
        RleMask m = fromCounts(PolygonRaster.rleFrPoly(xy, imageH, imageW), imageH, imageW);
        merged = merged == null ? m : merged.union(m);
      }
      return merged == null ? new RleMask(0, 0, new long[0]) : merged;
    }
    if (s.counts() != null) return fromCounts(s.counts(), s.h(), s.w());
    return fromString(s.compressed(), s.h(), s.w());
  }

  /** The polygon rleFrBbox rasterises for a box [x, y, w, h]. */
  static double[] boxPolygon(double[] b) {
    double xs = b[0], xe = xs + b[2], ys = b[1], ye = ys + b[3];
    return new double[] {xs, ys, xs, ye, xe, ye, xe, ys};
  }

  public long area() {
    return area;
  }

  public int height() {
    return h;
  }

  public int width() {
    return w;
  }

  /** Number of pixels set in both masks. */
  public long intersection(RleMask o) {
    long inter = 0;
    int i = 0, j = 0;
    while (i < spans.length && j < o.spans.length) {
      long lo = Math.max(spans[i], o.spans[j]);
      long hi = Math.min(spans[i + 1], o.spans[j + 1]);
      if (hi > lo) inter += hi - lo;
      if (spans[i + 1] < o.spans[j + 1]) i += 2; else j += 2;
    }
    return inter;
  }

  /** Union of two masks of the same size (rleMerge with intersect=0). */
  public RleMask union(RleMask o) {
    if (o.h != h || o.w != w) return new RleMask(0, 0, new long[0]); // rleMerge gives an empty 0×0 mask
    long[] out = new long[spans.length + o.spans.length];
    int n = 0, i = 0, j = 0;
    while (i < spans.length || j < o.spans.length) {
      long s, e;
      if (j >= o.spans.length || (i < spans.length && spans[i] <= o.spans[j])) {
        s = spans[i]; e = spans[i + 1]; i += 2;
      } else {
        s = o.spans[j]; e = o.spans[j + 1]; j += 2;
      }
      if (n > 0 && s <= out[n - 1]) {
        out[n - 1] = Math.max(out[n - 1], e);
      } else {
        out[n++] = s;
        out[n++] = e;
      }
    }
    return new RleMask(h, w, Arrays.copyOf(out, n));
  }

  /**
   * rleIou for one pair: intersection over union, the union being the detection's area when the
   * ground truth is a crowd region; 0 without overlap, -1 when the image sizes differ.
   */
  public static double iou(RleMask dt, RleMask gt, boolean crowd) {
    if (dt.h != gt.h || dt.w != gt.w) {
      return dt.area == 0 || gt.area == 0 ? 0 : -1;
    }
    long i = dt.intersection(gt);
    if (i == 0) return 0;
    long u = crowd ? dt.area : dt.area + gt.area - i;
    return (double) i / (double) u;
  }
}
