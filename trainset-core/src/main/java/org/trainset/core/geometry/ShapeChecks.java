package org.trainset.core.geometry;

import org.trainset.core.model.Annotation;
import org.trainset.core.model.Polygon;

/**
 * The one place where "is this shape inside its image" and "is this polygon a valid region" are
 * decided. The format validator ({@code DatasetValidator}) asks with the format's fixed limits;
 * guideline rules ({@code inside-image}, {@code polygon-valid}) ask with their pack's tolerances.
 */
public final class ShapeChecks {
  private ShapeChecks() {}

  /**
   * How far (pixels) the shape's extent reaches outside a {@code width}×{@code height} image:
   * 0 when inside, NaN for annotations without an extent (tags, text, events).
   */
  public static double outsideBy(Annotation a, int width, int height) {
    double[] b = Shapes.bounds(a);
    if (b == null) return Double.NaN;
    return Math.max(0, Math.max(Math.max(-b[0], -b[1]), Math.max(b[2] - width, b[3] - height)));
  }

  /** Why a polygon is not a valid region. */
  public enum PolygonFault { TOO_FEW_POINTS, SELF_INTERSECTION, TOO_SMALL }

  /**
   * What is wrong with a polygon as a region, or null: fewer than {@code minPoints} vertices,
   * edges crossing each other (checked before the area: a bow-tie's lobes cancel in the shoelace
   * sum and would read as "no area"), or an area not above {@code minArea}.
   */
  public static PolygonFault polygonFault(Polygon p, int minPoints, double minArea) {
    if (p.vertexCount() < minPoints) return PolygonFault.TOO_FEW_POINTS;
    if (Shapes.selfIntersects(p)) return PolygonFault.SELF_INTERSECTION;
    if (Shapes.area(p) <= minArea) return PolygonFault.TOO_SMALL;
    return null;
  }
}
