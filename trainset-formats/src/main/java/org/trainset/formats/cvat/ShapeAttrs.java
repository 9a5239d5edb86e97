package org.trainset.formats.cvat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamReader;
import org.trainset.core.io.InputException;
import org.trainset.core.model.AnnotationMeta;

/**
 * The XML attributes of one shape element, read once. Each shape kind accepts a fixed set of
 * attribute names; anything else is an input error, so a typo or an unsupported CVAT feature
 * never disappears silently.
 */
final class ShapeAttrs {
  private static final Set<String> COMMON = Set.of("label", "occluded", "z_order", "group_id", "source",
      "frame", "outside", "keyframe", "rotation");
  private static final Map<String, Set<String>> GEOMETRY = Map.of(
      "box", Set.of("xtl", "ytl", "xbr", "ybr"),
      "polygon", Set.of("points"),
      "polyline", Set.of("points"),
      "points", Set.of("points"),
      "skeleton", Set.of("points"),
      "mask", Set.of("rle", "left", "top", "width", "height"),
      "tag", Set.of());

  String label;
  boolean occluded;
  int zOrder;
  Integer group;
  String source;
  int frame = -1;
  boolean outside;
  boolean keyframe = true;
  double rotation;
  double xtl = Double.NaN, ytl = Double.NaN, xbr = Double.NaN, ybr = Double.NaN;
  String points;
  String rle;
  double left = Double.NaN, top = Double.NaN, width = Double.NaN, height = Double.NaN;

  static boolean isShape(String element) {
    return GEOMETRY.containsKey(element);
  }

  static ShapeAttrs read(XMLStreamReader r, Path file, String kind) throws InputException {
    Set<String> geometry = GEOMETRY.get(kind);
    ShapeAttrs a = new ShapeAttrs();
    for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
      String name = r.getAttributeLocalName(i);
      String v = r.getAttributeValue(i);
      if (!COMMON.contains(name) && !geometry.contains(name)) {
        throw CvatXml.error(file, r, "cvat-unknown-attribute",
            "<" + kind + "> has an attribute '" + name + "' that CVAT 1.1 does not define for it");
      }
      switch (name) {
        case "label" -> a.label = v;
        case "occluded" -> a.occluded = flag(v, name, file, r);
        case "z_order" -> a.zOrder = integer(v, name, file, r);
        case "group_id" -> a.group = integer(v, name, file, r);
        case "source" -> a.source = v;
        case "frame" -> a.frame = integer(v, name, file, r);
        case "outside" -> a.outside = flag(v, name, file, r);
        case "keyframe" -> a.keyframe = flag(v, name, file, r);
        case "rotation" -> a.rotation = number(v, name, file, r);
        case "xtl" -> a.xtl = number(v, name, file, r);
        case "ytl" -> a.ytl = number(v, name, file, r);
        case "xbr" -> a.xbr = number(v, name, file, r);
        case "ybr" -> a.ybr = number(v, name, file, r);
        case "points" -> a.points = v;
        case "rle" -> a.rle = v;
        case "left" -> a.left = number(v, name, file, r);
        case "top" -> a.top = number(v, name, file, r);
        case "width" -> a.width = number(v, name, file, r);
        case "height" -> a.height = number(v, name, file, r);
        default -> throw new IllegalStateException(name);
      }
    }
    if (a.rotation != 0 && !kind.equals("box") && !kind.equals("skeleton")) {
      throw CvatXml.error(file, r, "cvat-rotation", "rotation is supported on boxes only, not <" + kind + ">");
    }
    return a;
  }

  AnnotationMeta meta(String fallbackLabel, Map<String, Object> attributes) {
    return new AnnotationMeta(null, label != null ? label : fallbackLabel, attributes, group, zOrder, occluded, source);
  }

  static boolean flag(String v, String name, Path file, XMLStreamReader r) throws InputException {
    switch (v.strip()) {
      case "1", "true", "True" -> { return true; }
      case "0", "false", "False", "" -> { return false; }
      default -> throw CvatXml.error(file, r, "cvat-flag", name + "=\"" + v + "\" is not 0 or 1");
    }
  }

  static int integer(String v, String name, Path file, XMLStreamReader r) throws InputException {
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw CvatXml.error(file, r, "cvat-number", name + "=\"" + v + "\" is not an integer");
    }
  }

  static double number(String v, String name, Path file, XMLStreamReader r) throws InputException {
    try {
      double d = Double.parseDouble(v.strip());
      if (!Double.isFinite(d)) throw new NumberFormatException();
      return d;
    } catch (NumberFormatException e) {
      throw CvatXml.error(file, r, "cvat-number", name + "=\"" + v + "\" is not a finite number");
    }
  }

  /** {@code "x0,y0;x1,y1;..."} as x0,y0,x1,y1,... (empty text gives no points). */
  static double[] points(String text, Path file, XMLStreamReader r) throws InputException {
    if (text == null || text.isBlank()) return new double[0];
    int separators = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == ';') separators++;
    }
    double[] out = new double[separators + 1];
    int n = 0;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      char c = i == text.length() ? ';' : text.charAt(i);
      if (c == ',' || c == ';') {
        boolean even = n % 2 == 0;
        if (even != (c == ',') && i != text.length()) {
          throw CvatXml.error(file, r, "cvat-points", "points must be 'x,y;x,y;...', got \"" + text + "\"");
        }
        out[n++] = number(text.substring(start, i), "points", file, r);
        start = i + 1;
      }
    }
    if (n % 2 != 0) throw CvatXml.error(file, r, "cvat-points", "points has an odd number of coordinates");
    return out;
  }
}
