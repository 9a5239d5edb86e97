package org.trainset.core.model;

import java.util.Arrays;
import org.trainset.core.geometry.MaskBits;

/**
 * A binary mask over the rectangle (left, top, width, height) of its image, stored as run lengths
 * in <em>row-major</em> order starting with a run of zeros (as CVAT stores it; COCO's column-major
 * RLE is converted by {@link MaskBits}). Runs always sum to width × height.
 */
public record Mask(AnnotationMeta meta, int left, int top, int width, int height, int[] runs)
    implements Annotation {
  public Mask {
    runs = runs.clone();
    long sum = 0;
    for (int r : runs) {
      if (r < 0) throw new IllegalArgumentException("negative run length " + r);
      sum += r;
    }
    if (width < 0 || height < 0 || sum != (long) width * height) {
      throw new IllegalArgumentException(
          "mask runs sum to " + sum + " but the mask is " + width + "x" + height);
    }
  }

  @Override public int[] runs() { return runs.clone(); }

  /** Number of foreground pixels. */
  public long area() {
    long a = 0;
    for (int i = 1; i < runs.length; i += 2) a += runs[i];
    return a;
  }

  @Override public Mask withMeta(AnnotationMeta m) { return new Mask(m, left, top, width, height, runs); }
  @Override public AnnotationType type() { return AnnotationType.MASK; }

  @Override public boolean equals(Object o) {
    return o instanceof Mask p && meta.equals(p.meta) && left == p.left && top == p.top
        && width == p.width && height == p.height && Arrays.equals(runs, p.runs);
  }
  @Override public int hashCode() {
    return ((31 * meta.hashCode() + left) * 31 + top) * 31 + Arrays.hashCode(runs);
  }
  @Override public String toString() {
    return "Mask[" + meta + ", " + left + "," + top + " " + width + "x" + height + ", runs="
        + runs.length + "]";
  }
}
