package org.trainset.formats.coco;

import java.util.Arrays;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Mask;

/**
 * COCO RLE (column-major over the whole image) to a {@link Mask} cropped to its pixels, in time
 * proportional to the mask's box rather than the image: {@link org.trainset.core.geometry.MaskBits#fromCoco}
 * paints the whole image first, which dominates reading files with many crowd regions. The result
 * is the same mask (checked against MaskBits in the tests).
 */
final class CocoRle {
  private CocoRle() {}

  static Mask toMask(AnnotationMeta meta, int[] counts, int h, int w) {
    long total = (long) h * w;
    long pos = 0;
    int minX = Integer.MAX_VALUE, maxX = -1, minY = Integer.MAX_VALUE, maxY = -1;
    for (int i = 0; i < counts.length; i++) {
      long end = pos + counts[i];
      if (end > total) throw new IllegalArgumentException("RLE counts exceed " + h + "x" + w);
      if (i % 2 == 1 && counts[i] > 0) {
        int x0 = (int) (pos / h), x1 = (int) ((end - 1) / h);
        minX = Math.min(minX, x0);
        maxX = Math.max(maxX, x1);
        if (x0 == x1) {
          minY = Math.min(minY, (int) (pos % h));
          maxY = Math.max(maxY, (int) ((end - 1) % h));
        } else {
          minY = 0;
          maxY = h - 1;
        }
      }
      pos = end;
    }
    if (pos != total) throw new IllegalArgumentException("RLE counts sum to " + pos + ", image has " + total + " pixels");
    if (maxX < 0) return new Mask(meta, 0, 0, 0, 0, new int[0]);
    int bw = maxX - minX + 1, bh = maxY - minY + 1;
    byte[] bits = new byte[Math.multiplyExact(bw, bh)];
    pos = 0;
    for (int i = 0; i < counts.length; i++) {
      if (i % 2 == 1) {
        // walk the run column by column: no division per pixel
        int x = (int) (pos / h) - minX;
        int y = (int) (pos % h);
        long left = counts[i];
        while (left > 0) {
          int inColumn = (int) Math.min(left, h - y);
          for (int yy = y, idx = (y - minY) * bw + x; yy < y + inColumn; yy++, idx += bw) bits[idx] = 1;
          left -= inColumn;
          x++;
          y = 0;
        }
      }
      pos += counts[i];
    }
    int[] runs = new int[16];
    int n = 0;
    byte v = 0;
    int run = 0;
    for (byte b : bits) {
      if (b != v) {
        if (n == runs.length) runs = Arrays.copyOf(runs, n * 2);
        runs[n++] = run;
        run = 0;
        v = b;
      }
      run++;
    }
    if (n == runs.length) runs = Arrays.copyOf(runs, n + 1);
    runs[n++] = run;
    return new Mask(meta, minX, minY, bw, bh, Arrays.copyOf(runs, n));
  }
}
