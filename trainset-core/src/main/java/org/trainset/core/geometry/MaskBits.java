package org.trainset.core.geometry;

import java.util.Arrays;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Mask;

/**
 * Conversions between the mask encodings datasets use: COCO RLE (column-major over the whole
 * image, counts as a list or as pycocotools' compressed string), CVAT RLE (row-major inside the
 * mask's box) and plain bitmaps. {@link Mask} stores the CVAT form cropped to the pixels' box.
 */
public final class MaskBits {
  private MaskBits() {}

  /** Decodes pycocotools' compressed {@code counts} string (rleFrString). */
  public static int[] decodeCocoString(String s) {
    int[] cnts = new int[s.length()];
    int m = 0;
    int p = 0;
    while (p < s.length()) {
      long x = 0;
      int k = 0;
      boolean more = true;
      while (more) {
        if (p >= s.length()) throw new IllegalArgumentException("compressed RLE ends inside a count");
        int c = s.charAt(p) - 48;
        x |= (long) (c & 0x1f) << (5 * k);
        more = (c & 0x20) != 0;
        p++;
        k++;
        if (!more && (c & 0x10) != 0) x |= -1L << (5 * k);
      }
      if (m > 2) x += cnts[m - 2];
      if (x < 0 || x > Integer.MAX_VALUE) throw new IllegalArgumentException("compressed RLE count out of range: " + x);
      cnts[m++] = (int) x;
    }
    return Arrays.copyOf(cnts, m);
  }

  /** Encodes counts as pycocotools' compressed string (rleToString). */
  public static String encodeCocoString(int[] counts) {
    StringBuilder sb = new StringBuilder(counts.length * 2);
    for (int i = 0; i < counts.length; i++) {
      long x = counts[i];
      if (i > 2) x -= counts[i - 2];
      boolean more = true;
      while (more) {
        int c = (int) (x & 0x1f);
        x >>= 5;
        more = (c & 0x10) != 0 ? x != -1 : x != 0;
        if (more) c |= 0x20;
        sb.append((char) (c + 48));
      }
    }
    return sb.toString();
  }

  /** Expands column-major COCO counts to a row-major bitmap of {@code h × w} (1 = foreground). */
  public static byte[] cocoToBitmap(int[] counts, int h, int w) {
    long total = (long) h * w;
    byte[] bits = new byte[(int) total];
    long pos = 0;
    byte v = 0;
    for (int c : counts) {
      if (pos + c > total) throw new IllegalArgumentException("RLE counts exceed " + h + "x" + w);
      if (v == 1) {
        for (long i = pos; i < pos + c; i++) {
          int x = (int) (i / h);
          int y = (int) (i % h);
          bits[y * w + x] = 1;
        }
      }
      pos += c;
      v ^= 1;
    }
    if (pos != total) throw new IllegalArgumentException("RLE counts sum to " + pos + ", image has " + total + " pixels");
    return bits;
  }

  /** Column-major COCO counts of a row-major bitmap. */
  public static int[] bitmapToCoco(byte[] bits, int h, int w) {
    IntList out = new IntList();
    byte v = 0;
    int run = 0;
    for (int x = 0; x < w; x++) {
      for (int y = 0; y < h; y++) {
        byte b = bits[y * w + x] != 0 ? (byte) 1 : 0;
        if (b != v) {
          out.add(run);
          run = 0;
          v = b;
        }
        run++;
      }
    }
    out.add(run);
    return out.toArray();
  }

  /** A mask cropped to the box of its set pixels, from a full-image row-major bitmap. */
  public static Mask fromBitmap(AnnotationMeta meta, byte[] bits, int h, int w) {
    int minX = w, minY = h, maxX = -1, maxY = -1;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (bits[y * w + x] != 0) {
          if (x < minX) minX = x;
          if (x > maxX) maxX = x;
          if (y < minY) minY = y;
          if (y > maxY) maxY = y;
        }
      }
    }
    if (maxX < 0) return new Mask(meta, 0, 0, 0, 0, new int[0]);
    int bw = maxX - minX + 1;
    int bh = maxY - minY + 1;
    IntList runs = new IntList();
    byte v = 0;
    int run = 0;
    for (int y = minY; y <= maxY; y++) {
      for (int x = minX; x <= maxX; x++) {
        byte b = bits[y * w + x] != 0 ? (byte) 1 : 0;
        if (b != v) {
          runs.add(run);
          run = 0;
          v = b;
        }
        run++;
      }
    }
    runs.add(run);
    return new Mask(meta, minX, minY, bw, bh, runs.toArray());
  }

  /** From COCO counts over an {@code h × w} image. */
  public static Mask fromCoco(AnnotationMeta meta, int[] counts, int h, int w) {
    return fromBitmap(meta, cocoToBitmap(counts, h, w), h, w);
  }

  /** Paints {@code mask} onto a row-major {@code h × w} bitmap; pixels outside are clipped. */
  public static byte[] toBitmap(Mask mask, int h, int w) {
    byte[] bits = new byte[h * w];
    int[] runs = mask.runs();
    long pos = 0;
    for (int i = 0; i < runs.length; i++) {
      if (i % 2 == 1) {
        for (long p = pos; p < pos + runs[i]; p++) {
          int x = mask.left() + (int) (p % mask.width());
          int y = mask.top() + (int) (p / mask.width());
          if (x >= 0 && x < w && y >= 0 && y < h) bits[y * w + x] = 1;
        }
      }
      pos += runs[i];
    }
    return bits;
  }

  /** COCO counts for {@code mask} on an {@code h × w} image. */
  public static int[] toCoco(Mask mask, int h, int w) {
    return bitmapToCoco(toBitmap(mask, h, w), h, w);
  }

  /** A growable int array (avoids boxing in the run loops). */
  private static final class IntList {
    private int[] a = new int[16];
    private int n;

    void add(int v) {
      if (n == a.length) a = Arrays.copyOf(a, n * 2);
      a[n++] = v;
    }

    int[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }
}
