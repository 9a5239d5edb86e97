package org.trainset.formats.voc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trainset.core.convert.LossReport;
import org.trainset.core.geometry.Shapes;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationType;
import org.trainset.core.model.Box;
import org.trainset.core.model.Mask;
import org.trainset.core.model.Polygon;

/**
 * Turns an item's annotations into VOC objects, declaring every loss: polygons, masks and rotated
 * boxes become their bounding boxes (changed); other kinds are dropped; a box that shares a group
 * with an earlier object becomes that object's {@code <part>}.
 */
final class VocObjects {
  /** One {@code <object>}: its box (meta holds label and attributes) and its parts. */
  record VocObject(Box box, List<Box> parts) {}

  private VocObjects() {}

  static List<VocObject> of(List<Annotation> annotations, LossReport loss) {
    List<VocObject> objects = new ArrayList<>();
    Map<Integer, VocObject> byGroup = new HashMap<>();
    for (Annotation a : annotations) {
      Box box = toBox(a, loss);
      if (box == null) continue;
      Integer g = box.meta().group();
      VocObject owner = g == null ? null : byGroup.get(g);
      if (owner != null) {
        owner.parts().add(box);
      } else {
        VocObject o = new VocObject(box, new ArrayList<>());
        objects.add(o);
        if (g != null) byGroup.put(g, o);
      }
    }
    return objects;
  }

  private static Box toBox(Annotation a, LossReport loss) {
    if (a instanceof Box b) {
      if (b.rotation() == 0) return b;
      loss.approximated(AnnotationType.BOX, "rotation", "-> axis-aligned box");
      return rotatedBounds(b);
    }
    if (a instanceof Polygon p) {
      loss.approximated(AnnotationType.POLYGON, null, "-> box");
      return bounds(p, p.points());
    }
    if (a instanceof Mask m) {
      loss.approximated(AnnotationType.MASK, null, "-> box");
      return maskBounds(m);
    }
    loss.dropped(a.type(), null, null);
    return null;
  }

  private static Box bounds(Annotation a, double[] pts) {
    if (pts.length < 2) return new Box(a.meta(), 0, 0, 0, 0);
    double[] b = Shapes.bounds(pts);
    return new Box(a.meta(), b[0], b[1], b[2] - b[0], b[3] - b[1]);
  }

  static double[] corners(Box b) {
    double cx = b.x() + b.width() / 2, cy = b.y() + b.height() / 2;
    double t = Math.toRadians(b.rotation());
    double cos = Math.cos(t), sin = Math.sin(t);
    double[] local = {-b.width() / 2, -b.height() / 2, b.width() / 2, -b.height() / 2,
        b.width() / 2, b.height() / 2, -b.width() / 2, b.height() / 2};
    double[] out = new double[8];
    for (int i = 0; i < 8; i += 2) {
      out[i] = cx + local[i] * cos - local[i + 1] * sin;
      out[i + 1] = cy + local[i] * sin + local[i + 1] * cos;
    }
    return out;
  }

  private static Box rotatedBounds(Box b) {
    return bounds(b, corners(b)).withMeta(b.meta());
  }

  private static Box maskBounds(Mask m) {
    int[] runs = m.runs();
    long pos = 0;
    int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1;
    for (int i = 0; i < runs.length; i++) {
      if (i % 2 == 1 && runs[i] > 0 && m.width() > 0) {
        long first = pos, last = pos + runs[i] - 1;
        int r0 = (int) (first / m.width()), r1 = (int) (last / m.width());
        y0 = Math.min(y0, r0);
        y1 = Math.max(y1, r1);
        if (r0 == r1) {
          x0 = Math.min(x0, (int) (first % m.width()));
          x1 = Math.max(x1, (int) (last % m.width()));
        } else {
          x0 = 0;
          x1 = m.width() - 1;
        }
      }
      pos += runs[i];
    }
    if (x1 < 0) return new Box(m.meta(), m.left(), m.top(), 0, 0);
    return new Box(m.meta(), m.left() + x0, m.top() + y0, x1 - x0 + 1.0, y1 - y0 + 1.0);
  }

  /**
   * Sorts an object's attributes into VOC's own elements, its {@code <actions>} (booleans the
   * label declares as checkbox attributes) and Datumaro-style {@code <attributes>}; values that
   * text cannot carry back are dropped.
   */
  static Map<String, String> extraAttributes(Box b, Set<String> actions, Map<String, Boolean> actionValues,
                                             LossReport loss) {
    Map<String, String> extra = new LinkedHashMap<>();
    b.meta().attributes().forEach((k, v) -> {
      if (k.equals(VocFormat.DIFFICULT) || k.equals(VocFormat.TRUNCATED) || k.equals(VocFormat.POSE)) return;
      if (actions.contains(k) && v instanceof Boolean flag && k.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
        actionValues.put(k, flag);
        return;
      }
      String text = VocValues.format(v);
      if (text == null) loss.dropped(null, "attribute '" + k + "'", kind(v) + " value");
      else extra.put(k, text);
    });
    return extra;
  }

  private static String kind(Object v) {
    if (v instanceof List) return "list";
    if (v instanceof Map) return "map";
    if (v instanceof String) return "text that reads as a number or boolean";
    return v == null ? "null" : v.getClass().getSimpleName();
  }
}
