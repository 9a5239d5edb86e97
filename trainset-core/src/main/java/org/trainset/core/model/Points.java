package org.trainset.core.model;

import java.util.Arrays;

/**
 * Points or keypoints. {@code points} is x0,y0,x1,y1,...; {@code visibility} has one entry per
 * point with the COCO meaning: 0 not labelled/absent, 1 labelled but occluded, 2 visible. Plain
 * point sets use 2 throughout. When the label has keypoint names (see {@link LabelDef}), point i
 * is keypoint i.
 */
public record Points(AnnotationMeta meta, double[] points, int[] visibility) implements Annotation {
  public Points {
    points = points.clone();
    if (visibility == null) {
      visibility = new int[points.length / 2];
      Arrays.fill(visibility, 2);
    } else {
      visibility = visibility.clone();
    }
    if (points.length % 2 != 0 || visibility.length != points.length / 2) {
      throw new IllegalArgumentException(
          "points need x,y pairs and one visibility each: " + points.length + " coordinates, "
              + visibility.length + " flags");
    }
  }

  @Override public double[] points() { return points.clone(); }
  @Override public int[] visibility() { return visibility.clone(); }
  public int count() { return visibility.length; }
  public double x(int i) { return points[2 * i]; }
  public double y(int i) { return points[2 * i + 1]; }
  public int visibility(int i) { return visibility[i]; }

  /** Number of labelled points (visibility above 0), COCO's {@code num_keypoints}. */
  public int labelledCount() {
    int n = 0;
    for (int v : visibility) {
      if (v > 0) n++;
    }
    return n;
  }

  @Override public Points withMeta(AnnotationMeta m) { return new Points(m, points, visibility); }
  @Override public AnnotationType type() { return AnnotationType.POINTS; }

  @Override public boolean equals(Object o) {
    return o instanceof Points p && meta.equals(p.meta) && Arrays.equals(points, p.points)
        && Arrays.equals(visibility, p.visibility);
  }
  @Override public int hashCode() {
    return (31 * meta.hashCode() + Arrays.hashCode(points)) * 31 + Arrays.hashCode(visibility);
  }
  @Override public String toString() {
    return "Points[" + meta + ", " + Arrays.toString(points) + ", v=" + Arrays.toString(visibility) + "]";
  }
}
