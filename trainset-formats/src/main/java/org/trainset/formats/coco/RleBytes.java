package org.trainset.formats.coco;

/**
 * The usual shape of a crowd region's segmentation, {@code {"counts": [n, ...], "size": [h, w]}}
 * (either key first, white space anywhere, plain non-negative integers), read from its captured
 * bytes into the annotation's RLE fields. In COCO files a crowd region's counts run to hundreds
 * of numbers, and a Jackson tree of them cost more than all the polygons around it; any other
 * shape (a compressed counts string, extra or repeated keys, signs, fractions, huge numbers) is
 * left to the tree, whose checks and messages stay the reference.
 */
final class RleBytes {
  private RleBytes() {}

  /** True when {@code raw} had that shape and {@code a} now holds its counts and size. */
  static boolean read(byte[] raw, RawAnnotation a) {
    return new RleBytes.Cursor(raw).object(a);
  }

  private static final class Cursor {
    private final byte[] b;
    private int p;
    private int[] ints = new int[64];
    private int n;

    Cursor(byte[] b) {
      this.b = b;
    }

    boolean object(RawAnnotation a) {
      int[] counts = null;
      long h = -1, w = -1;
      if (!take('{')) return false;
      for (int field = 0; field < 2; field++) {
        if (field == 1 && !take(',')) return false;
        if (key("counts")) {
          if (counts != null || !take(':') || !intArray()) return false;
          counts = java.util.Arrays.copyOf(ints, n);
        } else if (key("size")) {
          if (h >= 0 || !take(':') || !intArray() || n != 2) return false;
          h = ints[0];
          w = ints[1];
        } else {
          return false;
        }
      }
      if (!take('}') || skipWs() != b.length || counts == null || h < 0 || h * w > Integer.MAX_VALUE) return false;
      a.rleCounts = counts;
      a.rleH = (int) h;
      a.rleW = (int) w;
      return true;
    }

    private int skipWs() {
      while (p < b.length && (b[p] == ' ' || b[p] == '\n' || b[p] == '\r' || b[p] == '\t')) p++;
      return p;
    }

    private boolean take(char c) {
      if (skipWs() < b.length && b[p] == c) {
        p++;
        return true;
      }
      return false;
    }

    /** The quoted key {@code name} (consumed), or nothing consumed. */
    private boolean key(String name) {
      int at = skipWs();
      if (at + name.length() + 2 > b.length || b[at] != '"' || b[at + name.length() + 1] != '"') return false;
      for (int i = 0; i < name.length(); i++) if (b[at + 1 + i] != name.charAt(i)) return false;
      p = at + name.length() + 2;
      return true;
    }

    /** {@code [i, ...]} of plain non-negative ints into {@link #ints}[0, n). */
    private boolean intArray() {
      n = 0;
      if (!take('[')) return false;
      if (take(']')) return true;
      do {
        skipWs();
        int start = p;
        long v = 0;
        while (p < b.length && b[p] >= '0' && b[p] <= '9' && p - start < 11) v = v * 10 + (b[p++] - '0');
        int digits = p - start;
        if (digits == 0 || digits > 10 || v > Integer.MAX_VALUE || (b[start] == '0' && digits > 1)) return false;
        if (n == ints.length) ints = java.util.Arrays.copyOf(ints, n * 2);
        ints[n++] = (int) v;
      } while (take(','));
      return take(']');
    }
  }
}
