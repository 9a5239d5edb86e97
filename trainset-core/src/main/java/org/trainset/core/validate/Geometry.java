package org.trainset.core.validate;

/** Plane geometry shared by validation and inspection. */
public final class Geometry {
  private Geometry() {}

  /** Signed area of the polygon x0,y0,x1,y1,... (positive when counter-clockwise in y-up axes). */
  public static double shoelaceArea(double[] xy) {
    int n = xy.length / 2;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      sum += xy[2 * i] * xy[2 * j + 1] - xy[2 * j] * xy[2 * i + 1];
    }
    return sum / 2;
  }

  /** The bounding box {minX, minY, maxX, maxY} of x0,y0,x1,y1,... */
  public static double[] bounds(double[] xy) {
    double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i + 1 < xy.length; i += 2) {
      minX = Math.min(minX, xy[i]);
      maxX = Math.max(maxX, xy[i]);
      minY = Math.min(minY, xy[i + 1]);
      maxY = Math.max(maxY, xy[i + 1]);
    }
    return new double[] {minX, minY, maxX, maxY};
  }
}
