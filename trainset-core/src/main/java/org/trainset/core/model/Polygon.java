package org.trainset.core.model;

import java.util.Arrays;

/** A closed polygon; {@code points} is x0,y0,x1,y1,... in pixels. */
public record Polygon(AnnotationMeta meta, double[] points) implements Annotation {
  public Polygon {
    points = points.clone();
  }

  @Override public double[] points() { return points.clone(); }
  public int vertexCount() { return points.length / 2; }
  public double x(int i) { return points[2 * i]; }
  public double y(int i) { return points[2 * i + 1]; }

  @Override public Polygon withMeta(AnnotationMeta m) { return new Polygon(m, points); }
  @Override public AnnotationType type() { return AnnotationType.POLYGON; }

  @Override public boolean equals(Object o) {
    return o instanceof Polygon p && meta.equals(p.meta) && Arrays.equals(points, p.points);
  }
  @Override public int hashCode() { return 31 * meta.hashCode() + Arrays.hashCode(points); }
  @Override public String toString() { return "Polygon[" + meta + ", " + Arrays.toString(points) + "]"; }
}
