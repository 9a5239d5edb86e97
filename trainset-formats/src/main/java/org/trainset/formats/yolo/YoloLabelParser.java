package org.trainset.formats.yolo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Box;
import org.trainset.core.model.Points;
import org.trainset.core.model.Polygon;

/**
 * One label file's lines to annotations, in pixels. After the class index a line holds 4 values
 * (box {@code cx cy w h}), {@code 4 + k·d} with {@code kpt_shape: [k, d]} (pose: a box and k
 * points sharing a group id, the line number), 8 (a 4-point polygon; with {@code task: obb} a
 * rectangle becomes a rotated box) or any even count of 6 or more (a polygon). Coordinates are
 * rounded to 1/10000 px: YOLO's normalised values carry no more, and rounding makes a write and
 * re-read give back the same numbers.
 */
final class YoloLabelParser {
  private final Path file;
  private final List<String> names;
  private final int[] kpt;
  private final boolean obb;
  private final double width;
  private final double height;

  YoloLabelParser(Path file, List<String> names, int[] kpt, boolean obb, int width, int height) {
    this.file = file;
    this.names = names;
    this.kpt = kpt;
    this.obb = obb;
    this.width = width;
    this.height = height;
  }

  List<Annotation> line(String text, long lineNo) throws InputException {
    String[] tok = text.strip().split("\\s+");
    int cls = classIndex(tok[0], lineNo);
    String label = names.get(cls);
    double[] v = new double[tok.length - 1];
    for (int i = 1; i < tok.length; i++) v[i - 1] = number(tok[i], lineNo, i + 1);
    int n = v.length;
    AnnotationMeta meta = AnnotationMeta.of(label);
    if (kpt != null && n == 4 + kpt[0] * kpt[1]) return pose(meta, v, lineNo);
    if (n == 4) return List.of(box(meta, v, lineNo));
    if (n == 8 && obb) {
      // corners unrounded: the box's centre, size and angle are rounded once, not twice
      double[] raw = new double[8];
      for (int i = 0; i < 8; i++) raw[i] = v[i] * (i % 2 == 0 ? width : height);
      Box rotated = RotatedBoxes.fromCorners(meta, raw);
      return List.of(rotated != null ? rotated : new Polygon(meta, pixels(v)));
    }
    if (n >= 6 && n % 2 == 0) return List.of(new Polygon(meta, pixels(v)));
    String expected = "4 (box), an even count of 6 or more (polygon, 8 for an oriented box)"
        + (kpt == null ? "" : " or " + (4 + kpt[0] * kpt[1]) + " (pose, kpt_shape " + kpt[0] + "x" + kpt[1] + ")");
    throw new InputException(file, lineNo, -1, "yolo-values",
        "expected " + expected + " values after the class index, got " + n);
  }

  private Box box(AnnotationMeta meta, double[] v, long lineNo) throws InputException {
    if (v[2] < 0 || v[3] < 0) {
      throw new InputException(file, lineNo, -1, "yolo-box", "box width and height must not be negative: " + v[2] + ", " + v[3]);
    }
    return new Box(meta, px((v[0] - v[2] / 2) * width), px((v[1] - v[3] / 2) * height), px(v[2] * width), px(v[3] * height));
  }

  private List<Annotation> pose(AnnotationMeta meta, double[] v, long lineNo) throws InputException {
    AnnotationMeta grouped = meta.withGroup((int) lineNo);
    Box box = box(grouped, v, lineNo);
    int k = kpt[0];
    int d = kpt[1];
    double[] pts = new double[2 * k];
    int[] vis = new int[k];
    for (int i = 0; i < k; i++) {
      double x = v[4 + i * d];
      double y = v[5 + i * d];
      pts[2 * i] = px(x * width);
      pts[2 * i + 1] = px(y * height);
      if (d == 3) {
        double f = v[6 + i * d];
        if (f != 0 && f != 1 && f != 2) {
          throw new InputException(file, lineNo, -1, "yolo-visibility", "keypoint " + (i + 1) + " visibility must be 0, 1 or 2, got " + f);
        }
        vis[i] = (int) f;
      } else {
        // Two values per point carry no visibility; Ultralytics writes absent points as 0 0.
        vis[i] = x == 0 && y == 0 ? 0 : 2;
      }
    }
    return List.of(box, new Points(grouped, pts, vis));
  }

  private double[] pixels(double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) out[i] = px(v[i] * (i % 2 == 0 ? width : height));
    return out;
  }

  static double px(double v) {
    return Math.round(v * 10_000.0) / 10_000.0;
  }

  private int classIndex(String t, long lineNo) throws InputException {
    int cls;
    try {
      cls = Integer.parseInt(t);
    } catch (NumberFormatException e) {
      throw new InputException(file, lineNo, 1, "yolo-class", "class index '" + t + "' is not an integer");
    }
    if (cls < 0 || cls >= names.size()) {
      throw new InputException(file, lineNo, 1, "yolo-class",
          "class index " + cls + " is out of range: " + names.size() + " classes are declared (0.." + (names.size() - 1) + ")");
    }
    return cls;
  }

  private double number(String t, long lineNo, int field) throws InputException {
    try {
      double d = Double.parseDouble(t);
      if (Double.isFinite(d)) return d;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InputException(file, lineNo, -1, "yolo-number", "value " + field + " '" + t + "' is not a finite number");
  }

  /** The whole file's annotations; blank lines are skipped. */
  List<Annotation> all(List<String> lines) throws InputException {
    List<Annotation> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) out.addAll(line(lines.get(i), i + 1));
    }
    return out;
  }
}
