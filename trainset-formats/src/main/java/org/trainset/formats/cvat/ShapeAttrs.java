package org.trainset.formats.cvat;

import org.trainset.core.io.FastNumbers;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.stream.XMLStreamReader;
import org.trainset.core.io.InputException;
import org.trainset.core.model.AnnotationMeta;

/**
 * The XML attributes of one shape element, read once. Each shape kind accepts a fixed set of
 * attribute names; anything else is an input error, so a typo or an unsupported CVAT feature
 * never disappears silently.
 */
final class ShapeAttrs {
  // Attribute codes: one bit each, so a kind's allowed set is a mask (this runs once per shape).
  private static final int LABEL = 1, OCCLUDED = 1 << 1, Z_ORDER = 1 << 2, GROUP_ID = 1 << 3, SOURCE = 1 << 4,
      FRAME = 1 << 5, OUTSIDE = 1 << 6, KEYFRAME = 1 << 7, ROTATION = 1 << 8, XTL = 1 << 9, YTL = 1 << 10,
      XBR = 1 << 11, YBR = 1 << 12, POINTS = 1 << 13, RLE = 1 << 14, LEFT = 1 << 15, TOP = 1 << 16,
      WIDTH = 1 << 17, HEIGHT = 1 << 18;
  private static final int COMMON = LABEL | OCCLUDED | Z_ORDER | GROUP_ID | SOURCE | FRAME | OUTSIDE | KEYFRAME | ROTATION;
  private static final Map<String, Integer> GEOMETRY = Map.of(
      "box", XTL | YTL | XBR | YBR,
      "polygon", POINTS,
      "polyline", POINTS,
      "points", POINTS,
      "skeleton", POINTS,
      "mask", RLE | LEFT | TOP | WIDTH | HEIGHT,
      "tag", 0);

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
    int allowed = COMMON | GEOMETRY.get(kind);
    ShapeAttrs a = new ShapeAttrs();
    for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
      String name = r.getAttributeLocalName(i);
      String v = r.getAttributeValue(i);
      int code = switch (name) {
        case "label" -> LABEL;
        case "occluded" -> OCCLUDED;
        case "z_order" -> Z_ORDER;
        case "group_id" -> GROUP_ID;
        case "source" -> SOURCE;
        case "frame" -> FRAME;
        case "outside" -> OUTSIDE;
        case "keyframe" -> KEYFRAME;
        case "rotation" -> ROTATION;
        case "xtl" -> XTL;
        case "ytl" -> YTL;
        case "xbr" -> XBR;
        case "ybr" -> YBR;
        case "points" -> POINTS;
        case "rle" -> RLE;
        case "left" -> LEFT;
        case "top" -> TOP;
        case "width" -> WIDTH;
        case "height" -> HEIGHT;
        default -> 0;
      };
      if ((code & allowed) == 0) {
        throw CvatXml.error(file, r, "cvat-unknown-attribute",
            "<" + kind + "> has an attribute '" + name + "' that CVAT 1.1 does not define for it");
      }
      switch (code) {
        case LABEL -> a.label = v;
        case OCCLUDED -> a.occluded = flag(v, name, file, r);
        case Z_ORDER -> a.zOrder = integer(v, name, file, r);
        case GROUP_ID -> a.group = integer(v, name, file, r);
        case SOURCE -> a.source = v;
        case FRAME -> a.frame = integer(v, name, file, r);
        case OUTSIDE -> a.outside = flag(v, name, file, r);
        case KEYFRAME -> a.keyframe = flag(v, name, file, r);
        case ROTATION -> a.rotation = number(v, name, file, r);
        case XTL -> a.xtl = number(v, name, file, r);
        case YTL -> a.ytl = number(v, name, file, r);
        case XBR -> a.xbr = number(v, name, file, r);
        case YBR -> a.ybr = number(v, name, file, r);
        case POINTS -> a.points = v;
        case RLE -> a.rle = v;
        case LEFT -> a.left = number(v, name, file, r);
        case TOP -> a.top = number(v, name, file, r);
        case WIDTH -> a.width = number(v, name, file, r);
        default -> a.height = number(v, name, file, r);
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
    return number(v, 0, v.length(), name, file, r);
  }

  static double number(String v, int start, int end, String name, Path file, XMLStreamReader r) throws InputException {
    try {
      double d = FastNumbers.parseDecimal(v, start, end);
      if (!Double.isFinite(d)) throw new NumberFormatException();
      return d;
    } catch (NumberFormatException e) {
      throw CvatXml.error(file, r, "cvat-number", name + "=\"" + v.substring(start, end) + "\" is not a finite number");
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
        out[n++] = number(text, start, i, "points", file, r);
        start = i + 1;
      }
    }
    if (n % 2 != 0) throw CvatXml.error(file, r, "cvat-points", "points has an odd number of coordinates");
    return out;
  }
}
