package org.trainset.core.geometry;

import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Box;
import org.trainset.core.model.Mask;
import org.trainset.core.model.Points;
import org.trainset.core.model.Polygon;
import org.trainset.core.model.Polyline;

/**
 * Plane geometry that validation, inspection rules, agreement and reports share: extents,
 * outlines, areas, overlap area, self-intersection.
 */
public final class Shapes {
  private Shapes() {}

  /** {minX, minY, maxX, maxY} of a spatial annotation, or null for tags, text and events. */
  public static double[] bounds(Annotation a) {
    if (a instanceof Box b) {
      if (b.rotation() == 0) return new double[] {b.x(), b.y(), b.x2(), b.y2()};
      Rectangle2D r = outline(b).getBounds2D();
      return new double[] {r.getMinX(), r.getMinY(), r.getMaxX(), r.getMaxY()};
    }
    if (a instanceof Polygon p) return p.vertexCount() == 0 ? null : bounds(p.points());
    if (a instanceof Polyline p) return p.vertexCount() == 0 ? null : bounds(p.points());
    if (a instanceof Points p) return labelledBounds(p);
    if (a instanceof Mask m) return new double[] {m.left(), m.top(), m.left() + m.width(), m.top() + m.height()};
    return null;
  }

  private static double[] labelledBounds(Points p) {
    double[] b = null;
    for (int i = 0; i < p.count(); i++) {
      if (p.visibility(i) == 0) continue;
      if (b == null) b = new double[] {p.x(i), p.y(i), p.x(i), p.y(i)};
      b[0] = Math.min(b[0], p.x(i));
      b[1] = Math.min(b[1], p.y(i));
      b[2] = Math.max(b[2], p.x(i));
      b[3] = Math.max(b[3], p.y(i));
    }
    return b;
  }

  /** The closed outline of a box (rotated about its centre) or polygon; null for other kinds. */
  public static Path2D outline(Annotation a) {
    if (a instanceof Box b) {
      Path2D.Double path = new Path2D.Double(new Rectangle2D.Double(b.x(), b.y(), b.width(), b.height()));
      if (b.rotation() != 0) {
        path.transform(AffineTransform.getRotateInstance(Math.toRadians(b.rotation()),
            b.x() + b.width() / 2, b.y() + b.height() / 2));
      }
      return path;
    }
    if (a instanceof Polygon p && p.vertexCount() >= 3) {
      Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD, p.vertexCount());
      path.moveTo(p.x(0), p.y(0));
      for (int i = 1; i < p.vertexCount(); i++) path.lineTo(p.x(i), p.y(i));
      path.closePath();
      return path;
    }
    return null;
  }

  /** Area of a box or polygon (absolute shoelace area), 0 for other kinds. */
  public static double area(Annotation a) {
    if (a instanceof Box b) return Math.abs(b.area());
    if (a instanceof Polygon p) return Math.abs(shoelaceArea(p.points()));
    if (a instanceof Mask m) return m.area();
    return 0;
  }

  /** Perimeter of a polygon (or box). */
  public static double perimeter(Annotation a) {
    if (a instanceof Box b) return 2 * (Math.abs(b.width()) + Math.abs(b.height()));
    if (!(a instanceof Polygon p)) return 0;
    double sum = 0;
    int n = p.vertexCount();
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      sum += Math.hypot(p.x(j) - p.x(i), p.y(j) - p.y(i));
    }
    return sum;
  }

  /**
   * Mean width of an elongated region, 2 × area / perimeter: exact for long strips of any
   * direction (a braille-block strip), where the bounding box would overstate it.
   */
  public static double stripWidth(Annotation a) {
    double per = perimeter(a);
    return per == 0 ? 0 : 2 * area(a) / per;
  }

  /** Area shared by two boxes/polygons (0 when either has no outline). */
  public static double intersectionArea(Annotation a, Annotation b) {
    double[] ba = bounds(a);
    double[] bb = bounds(b);
    if (ba == null || bb == null || ba[2] <= bb[0] || bb[2] <= ba[0] || ba[3] <= bb[1] || bb[3] <= ba[1]) {
      return 0;
    }
    Path2D pa = outline(a);
    Path2D pb = outline(b);
    if (pa == null || pb == null) return 0;
    Area shared = new Area(pa);
    shared.intersect(new Area(pb));
    return areaOf(shared);
  }

  /** Area enclosed by a Java2D area (sum of its sub-paths' signed areas, holes subtracting). */
  public static double areaOf(Area area) {
    double total = 0;
    double[] c = new double[6];
    double startX = 0, startY = 0, lastX = 0, lastY = 0, sub = 0;
    for (PathIterator it = area.getPathIterator(null, 0.5); !it.isDone(); it.next()) {
      int seg = it.currentSegment(c);
      switch (seg) {
        case PathIterator.SEG_MOVETO -> {
          startX = lastX = c[0];
          startY = lastY = c[1];
          sub = 0;
        }
        case PathIterator.SEG_LINETO -> {
          sub += lastX * c[1] - c[0] * lastY;
          lastX = c[0];
          lastY = c[1];
        }
        case PathIterator.SEG_CLOSE -> {
          sub += lastX * startY - startX * lastY;
          total += sub / 2;
          sub = 0;
        }
        default -> { }
      }
    }
    return Math.abs(total);
  }

  /** True when two non-adjacent edges of the closed polygon cross or touch. */
  public static boolean selfIntersects(Polygon p) {
    int n = p.vertexCount();
    if (n < 4) return false;
    for (int i = 0; i < n; i++) {
      int i2 = (i + 1) % n;
      for (int j = i + 1; j < n; j++) {
        int j2 = (j + 1) % n;
        if (j == i2 || j2 == i) continue; // edges sharing a vertex
        if (segmentsIntersect(p.x(i), p.y(i), p.x(i2), p.y(i2), p.x(j), p.y(j), p.x(j2), p.y(j2))) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean segmentsIntersect(double ax, double ay, double bx, double by,
                                   double cx, double cy, double dx, double dy) {
    if (Math.max(ax, bx) < Math.min(cx, dx) || Math.max(cx, dx) < Math.min(ax, bx)
        || Math.max(ay, by) < Math.min(cy, dy) || Math.max(cy, dy) < Math.min(ay, by)) {
      return false;
    }
    double d1 = cross(cx, cy, dx, dy, ax, ay);
    double d2 = cross(cx, cy, dx, dy, bx, by);
    double d3 = cross(ax, ay, bx, by, cx, cy);
    double d4 = cross(ax, ay, bx, by, dx, dy);
    if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
      return true;
    }
    return (d1 == 0 && onSegment(cx, cy, dx, dy, ax, ay)) || (d2 == 0 && onSegment(cx, cy, dx, dy, bx, by))
        || (d3 == 0 && onSegment(ax, ay, bx, by, cx, cy)) || (d4 == 0 && onSegment(ax, ay, bx, by, dx, dy));
  }

  private static double cross(double ox, double oy, double px, double py, double qx, double qy) {
    return (px - ox) * (qy - oy) - (py - oy) * (qx - ox);
  }

  private static boolean onSegment(double ax, double ay, double bx, double by, double px, double py) {
    return Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);
  }

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
