package org.trainset.formats.cross;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Box;
import org.trainset.core.model.Item;
import org.trainset.core.model.Mask;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.Points;
import org.trainset.core.model.Polygon;
import org.trainset.core.model.Polyline;

/**
 * What survives a conversion, compared across formats: per image file name, the sorted list of
 * (type, label, geometry rounded to {@code decimals}) for the annotation types a target can hold.
 * Item ids differ between formats (COCO numbers, CVAT names), so images are keyed by file name.
 */
final class HoldableAnnotations {
  private HoldableAnnotations() {}

  static Map<String, List<String>> of(List<Item> items, Set<String> types, int decimals) {
    Map<String, List<String>> out = new TreeMap<>();
    for (Item item : items) {
      List<String> keys = new ArrayList<>();
      for (Annotation a : item.annotations()) {
        if (types.contains(a.type().key())) keys.add(a.type().key() + " " + a.label() + " " + geometry(a, decimals));
      }
      keys.sort(null);
      out.put(fileName(item), keys);
    }
    return out;
  }

  static String fileName(Item item) {
    MediaRef m = item.primaryMedia();
    String p = m == null ? item.id() : m.path();
    return p.substring(p.lastIndexOf('/') + 1);
  }

  private static String geometry(Annotation a, int decimals) {
    if (a instanceof Box b) return round(decimals, b.x(), b.y(), b.width(), b.height());
    if (a instanceof Polygon p) return round(decimals, p.points());
    if (a instanceof Polyline p) return round(decimals, p.points());
    if (a instanceof Points p) return round(decimals, p.points()) + " v" + java.util.Arrays.toString(p.visibility());
    if (a instanceof Mask m) return m.left() + "," + m.top() + " " + m.width() + "x" + m.height() + " area " + m.area();
    return "";
  }

  private static String round(int decimals, double... values) {
    StringBuilder sb = new StringBuilder();
    for (double v : values) {
      double r = Math.round(v * Math.pow(10, decimals)) / Math.pow(10, decimals);
      sb.append(String.format(Locale.ROOT, "%." + decimals + "f ", r == 0 ? 0.0 : r));
    }
    return sb.toString().strip();
  }
}
