package org.trainset.formats.yolo;

import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Box;

/** Oriented boxes between YOLO's four corners and a {@link Box} rotated clockwise about its centre. */
final class RotatedBoxes {
  /** Relative tolerance for "these four corners form a rectangle". */
  private static final double TOLERANCE = 1e-3;

  private RotatedBoxes() {}

  /** The rotated box with these corners (pixels, in drawing order), or null when they are not a rectangle. */
  static Box fromCorners(AnnotationMeta meta, double[] c) {
    double ax = c[2] - c[0], ay = c[3] - c[1];
    double bx = c[4] - c[2], by = c[5] - c[3];
    double w = Math.hypot(ax, ay), h = Math.hypot(bx, by);
    if (w == 0 || h == 0) return null;
    double scale = Math.max(w, h);
    boolean rightAngle = Math.abs(ax * bx + ay * by) <= TOLERANCE * w * h;
    boolean closes = Math.hypot(c[0] + bx - c[6], c[1] + by - c[7]) <= TOLERANCE * scale;
    if (!rightAngle || !closes) return null;
    double cx = (c[0] + c[4]) / 2, cy = (c[1] + c[5]) / 2;
    double angle = Math.toDegrees(Math.atan2(ay, ax));
    if (angle < 0) angle += 360;
    angle = Math.round(angle * 10_000.0) / 10_000.0;
    if (angle >= 360) angle -= 360;
    return new Box(meta, YoloLabelParser.px(cx - w / 2), YoloLabelParser.px(cy - h / 2),
        YoloLabelParser.px(w), YoloLabelParser.px(h), angle);
  }

  /** The four corners of {@code b}: top-left, top-right, bottom-right, bottom-left before rotation. */
  static double[] corners(Box b) {
    double cx = b.x() + b.width() / 2, cy = b.y() + b.height() / 2;
    double t = Math.toRadians(b.rotation());
    double cos = Math.cos(t), sin = Math.sin(t);
    double hw = b.width() / 2, hh = b.height() / 2;
    double[] local = {-hw, -hh, hw, -hh, hw, hh, -hw, hh};
    double[] out = new double[8];
    for (int i = 0; i < 8; i += 2) {
      out[i] = cx + local[i] * cos - local[i + 1] * sin;
      out[i + 1] = cy + local[i] * sin + local[i + 1] * cos;
    }
    return out;
  }
}
