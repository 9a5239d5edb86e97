package org.trainset.core.model;

/**
 * An axis-aligned box in pixels, optionally rotated clockwise by {@code rotation} degrees about
 * its centre (CVAT's convention; 0 for plain boxes).
 */
public record Box(AnnotationMeta meta, double x, double y, double width, double height, double rotation)
    implements Annotation {
  public Box(AnnotationMeta meta, double x, double y, double width, double height) {
    this(meta, x, y, width, height, 0);
  }

  public double x2() { return x + width; }
  public double y2() { return y + height; }
  public double area() { return width * height; }

  @Override public Box withMeta(AnnotationMeta m) { return new Box(m, x, y, width, height, rotation); }
  @Override public AnnotationType type() { return AnnotationType.BOX; }
}
