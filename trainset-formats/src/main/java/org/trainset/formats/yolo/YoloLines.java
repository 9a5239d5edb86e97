package org.trainset.formats.yolo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.trainset.core.convert.LossReport;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.AnnotationType;
import org.trainset.core.model.Box;
import org.trainset.core.model.Points;
import org.trainset.core.model.Polygon;

/**
 * One item's annotations as YOLO label lines, declaring every loss. Boxes become
 * {@code cx cy w h}, rotated boxes their four corners, polygons {@code x1 y1 ...}; in a pose
 * dataset ({@code keypoints > 0}) a box and the points sharing its group are one line.
 */
final class YoloLines {
  private final int keypoints;
  private final ToIntFunction<String> classIndex;
  private final LossReport loss;
  private boolean wroteRotated;
  private long rectangularQuads;

  YoloLines(int keypoints, ToIntFunction<String> classIndex, LossReport loss) {
    this.keypoints = keypoints;
    this.classIndex = classIndex;
    this.loss = loss;
  }

  boolean wroteRotated() { return wroteRotated; }

  /** 4-point polygons that are rectangles: a dataset marked {@code task: obb} reads them back as rotated boxes. */
  long rectangularQuads() { return rectangularQuads; }

  List<String> lines(List<Annotation> annotations, double w, double h) {
    Map<Integer, Points> pointsByGroup = new HashMap<>();
    Map<Integer, Box> boxByGroup = new HashMap<>();
    if (keypoints > 0) {
      for (Annotation a : annotations) {
        Integer g = a.meta().group();
        if (g == null) continue;
        if (a instanceof Points p) pointsByGroup.putIfAbsent(g, p);
        if (a instanceof Box b && b.rotation() == 0) boxByGroup.putIfAbsent(g, b);
      }
    }
    List<String> out = new ArrayList<>();
    for (Annotation a : annotations) {
      if (a instanceof Points p && keypoints > 0 && p.meta().group() != null
          && boxByGroup.containsKey(p.meta().group()) && pointsByGroup.get(p.meta().group()) == p) {
        continue; // written with its group's box, wherever that box comes in the list (COCO reads points first)
      }
      if (a instanceof Box b && keypoints > 0 && b.rotation() == 0) {
        Points p = b.meta().group() == null ? null : pointsByGroup.get(b.meta().group());
        if (p != null && boxByGroup.get(b.meta().group()) == b) {
          // COCO gives the box and its keypoints the same id and attributes: count what is lost once.
          if (!p.meta().equals(b.meta())) reportMeta(AnnotationType.POINTS, p.meta(), false, -1);
        } else {
          p = null;
          loss.changed(AnnotationType.BOX, null, "without keypoints -> pose line with absent keypoints");
        }
        reportMeta(AnnotationType.BOX, b.meta(), true, out.size() + 1);
        out.add(pose(b, p, w, h));
      } else if (a instanceof Box b) {
        reportMeta(AnnotationType.BOX, b.meta(), false, 0);
        if (b.rotation() == 0) {
          out.add(cls(b) + " " + n((b.x() + b.width() / 2) / w) + " " + n((b.y() + b.height() / 2) / h)
              + " " + n(b.width() / w) + " " + n(b.height() / h));
        } else {
          wroteRotated = true;
          out.add(cls(b) + coords(RotatedBoxes.corners(b), w, h));
        }
      } else if (a instanceof Points p && keypoints > 0 && p.labelledCount() == 0) {
        loss.dropped(AnnotationType.POINTS, null, "without a box and no labelled point");
      } else if (a instanceof Points p && keypoints > 0) {
        loss.approximated(AnnotationType.POINTS, null, "without a box -> pose line with their bounding box");
        reportMeta(AnnotationType.POINTS, p.meta(), true, out.size() + 1);
        out.add(pose(bounds(p), p, w, h));
      } else if (a instanceof Polygon p && keypoints == 0 && p.vertexCount() >= 3) {
        reportMeta(AnnotationType.POLYGON, p.meta(), false, 0);
        if (p.vertexCount() == 4 && RotatedBoxes.fromCorners(p.meta(), p.points()) != null) rectangularQuads++;
        out.add(cls(p) + coords(p.points(), w, h));
      } else if (a instanceof Polygon) {
        loss.dropped(AnnotationType.POLYGON, null, keypoints > 0 ? "pose dataset" : "fewer than 3 points");
      } else {
        loss.dropped(a.type(), null, null);
      }
    }
    return out;
  }

  private String pose(Box b, Points p, double w, double h) {
    StringBuilder sb = new StringBuilder(cls(b)).append(' ')
        .append(n((b.x() + b.width() / 2) / w)).append(' ').append(n((b.y() + b.height() / 2) / h)).append(' ')
        .append(n(b.width() / w)).append(' ').append(n(b.height() / h));
    int count = p == null ? 0 : p.count();
    if (count > keypoints) loss.dropped(AnnotationType.POINTS, "keypoints", "beyond kpt_shape");
    if (p != null && count < keypoints) loss.changed(AnnotationType.POINTS, "keypoints", "padded to kpt_shape");
    for (int i = 0; i < keypoints; i++) {
      if (i < count) {
        sb.append(' ').append(n(p.x(i) / w)).append(' ').append(n(p.y(i) / h)).append(' ').append(p.visibility(i));
      } else {
        sb.append(" 0 0 0");
      }
    }
    return sb.toString();
  }

  private static Box bounds(Points p) {
    double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < p.count(); i++) {
      if (p.visibility(i) == 0) continue;
      x0 = Math.min(x0, p.x(i));
      x1 = Math.max(x1, p.x(i));
      y0 = Math.min(y0, p.y(i));
      y1 = Math.max(y1, p.y(i));
    }
    if (x0 > x1) return new Box(p.meta(), 0, 0, 0, 0);
    return new Box(p.meta(), x0, y0, x1 - x0, y1 - y0);
  }

  /**
   * What YOLO has no place for. On a pose line the group id becomes the line number
   * {@code lineNo}; elsewhere it is lost, except for the points half of a pose line
   * ({@code lineNo == -1}), which shares the box's.
   */
  private void reportMeta(AnnotationType type, AnnotationMeta m, boolean poseLine, int lineNo) {
    m.attributes().keySet().forEach(k -> loss.dropped(type, "attribute '" + k + "'", null));
    if (m.occluded()) loss.dropped(type, "occluded", null);
    if (m.zOrder() != 0) loss.dropped(type, "z-order", null);
    if (m.source() != null) loss.dropped(type, "source", null);
    if (m.id() != null) loss.dropped(type, "annotation id", null);
    if (poseLine) {
      if (m.group() == null || m.group() != lineNo) loss.changed(type, "group id", "-> pose line number");
    } else if (m.group() != null && lineNo >= 0) {
      loss.dropped(type, "group id", null);
    }
  }

  private String cls(Annotation a) {
    return Integer.toString(classIndex.applyAsInt(a.label()));
  }

  private static String coords(double[] pts, double w, double h) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < pts.length; i++) sb.append(' ').append(n(pts[i] / (i % 2 == 0 ? w : h)));
    return sb.toString();
  }

  /** Normalised value with 10 decimals: far below a pixel for any image, so re-reading gives the same pixels. */
  static String n(double v) {
    if (v == 0) return "0";
    return BigDecimal.valueOf(v).setScale(10, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
  }
}
