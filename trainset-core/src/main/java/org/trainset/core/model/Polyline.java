package org.trainset.core.model;

import java.util.Arrays;

/** An open line; {@code points} is x0,y0,x1,y1,... in pixels. */
public record Polyline(AnnotationMeta meta, double[] points) implements Annotation {
  public Polyline {
    points = points.clone();
  }

  @Override public double[] points() { return points.clone(); }
  public int vertexCount() { return points.length / 2; }

  @Override public Polyline withMeta(AnnotationMeta m) { return new Polyline(m, points); }
  @Override public AnnotationType type() { return AnnotationType.POLYLINE; }

  @Override public boolean equals(Object o) {
    return o instanceof Polyline p && meta.equals(p.meta) && Arrays.equals(points, p.points);
  }
  @Override public int hashCode() { return 31 * meta.hashCode() + Arrays.hashCode(points); }
  @Override public String toString() { return "Polyline[" + meta + ", " + Arrays.toString(points) + "]"; }
}
