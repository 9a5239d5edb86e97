package org.trainset.formats.coco;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trainset.core.geometry.MaskBits;
import org.trainset.core.json.JsonValues;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Box;
import org.trainset.core.model.Caption;
import org.trainset.core.model.Points;
import org.trainset.core.model.Polygon;
import org.trainset.core.model.Tag;

/**
 * One COCO annotation object to model annotations. A caption becomes a {@link Caption}; an
 * object with {@code keypoints} becomes {@link Points} followed by its {@link Box} and
 * segmentation, all in one group; a segmentation becomes one {@link Polygon} per polygon (several
 * share a group) or a {@link org.trainset.core.model.Mask}; a bare {@code bbox} a {@link Box};
 * an object with neither (Datumaro's {@code labels} task) a {@link org.trainset.core.model.Tag}.
 * {@code area}, {@code num_keypoints} and the bbox of a segmented object are derived values and
 * are recomputed on writing. Unknown keys and the entries of Datumaro's {@code attributes} object
 * become attributes; its {@code occluded}, {@code z_order}, {@code group} and {@code source}
 * become the annotation's common fields.
 */
final class CocoAnnotations {
  static final String CROWD = "is_crowd";
  static final String ROTATION = "rotation";

  private CocoAnnotations() {}

  /** A broken annotation: rule and message; the caller adds file, line and id. */
  static final class Bad extends Exception {
    final String rule;

    Bad(String rule, String message) {
      super(message, null, false, false);
      this.rule = rule;
    }
  }

  /**
   * The checks {@link #map} makes, without building anything, so the reader can report a broken
   * annotation with its line while streaming (RLE counts are checked when the mask is built).
   */
  static void check(RawAnnotation a) throws Bad {
    if (a.checked) return;
    if (a.bad != null) throw a.bad;
    if (a.caption != null) return;
    if (a.rle != null) {
      Rle r = rle(a.rle);
      a.rleCounts = r.counts;
      a.rleH = r.h;
      a.rleW = r.w;
      a.rle = null;
    } else {
      for (double[] poly : a.polygons) {
        if (poly.length % 2 != 0) throw new Bad("coco-polygon", "polygon has an odd number of coordinates (" + poly.length + ")");
        for (double v : poly) if (!Double.isFinite(v)) throw new Bad("not-a-number", "polygon value " + v + " is not finite");
      }
    }
    bbox(a.bbox);
    if (a.keypoints != null && a.keypoints.length > 0) checkKeypoints(a.keypoints);
    a.checked = true;
  }

  static List<Annotation> map(RawAnnotation a, String label) throws Bad {
    check(a);
    String id = a.id;
    // most annotations have no attributes: no map for them (AnnotationMeta would copy it anyway)
    Map<String, Object> attrs = a.attributes == null && a.extras.isEmpty() && !a.crowd ? Map.of() : new LinkedHashMap<>();
    Integer group = null;
    boolean groupGiven = false;
    int zOrder = 0;
    boolean occluded = false;
    String source = null;
    JsonNode extra = a.attributes;
    if (extra != null && extra.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = extra.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        switch (e.getKey()) {
          case "occluded" -> occluded = v.asBoolean(false);
          case "z_order" -> zOrder = v.asInt(0);
          case "group" -> {
            group = v.isIntegralNumber() ? v.intValue() : null;
            groupGiven = true;
          }
          case "source" -> source = v.isNull() ? null : v.asText();
          default -> attrs.put(e.getKey(), JsonValues.toJava(v));
        }
      }
    } else if (extra != null && !extra.isNull()) {
      attrs.put("attributes", JsonValues.toJava(extra));
    }
    if (!a.extras.isEmpty()) attrs.putAll(a.extras);
    if (a.crowd) attrs.put(CROWD, true);

    if (a.caption != null) {
      return List.of(new Caption(meta(id, label, attrs, group, zOrder, occluded, source), a.caption));
    }
    boolean hasKeypoints = a.keypoints != null && a.keypoints.length > 0;
    List<Object> segParts = segmentation(a);
    double[] bbox = bbox(a.bbox);
    boolean multi = hasKeypoints || segParts.size() > 1;
    if (multi && !groupGiven) group = intOrNull(id);
    AnnotationMeta meta = meta(id, label, attrs, group, zOrder, occluded, source);
    List<Annotation> out = new ArrayList<>();
    if (hasKeypoints) {
      out.add(points(a.keypoints, meta));
      if (bbox != null) out.add(new Box(meta, bbox[0], bbox[1], bbox[2], bbox[3]));
    }
    for (Object part : segParts) {
      if (part instanceof double[] poly) {
        out.add(new Polygon(meta, poly));
      } else {
        Rle rle = (Rle) part;
        try {
          out.add(CocoRle.toMask(meta, rle.counts, rle.h, rle.w));
        } catch (IllegalArgumentException | ArithmeticException e) {
          throw new Bad("coco-rle", e.getMessage());
        }
      }
    }
    if (out.isEmpty() && bbox != null) {
      Object rot = attrs.get(ROTATION);
      double rotation = 0;
      if (rot instanceof Number n) {
        rotation = n.doubleValue();
        attrs.remove(ROTATION);
        meta = meta.withAttributes(attrs);
      }
      out.add(new Box(meta, bbox[0], bbox[1], bbox[2], bbox[3], rotation));
    }
    if (out.isEmpty()) out.add(new Tag(meta));
    return out;
  }

  private static AnnotationMeta meta(String id, String label, Map<String, Object> attrs, Integer group,
                                     int zOrder, boolean occluded, String source) {
    return new AnnotationMeta(id, label, attrs, group, zOrder, occluded, source);
  }

  static Integer intOrNull(String id) {
    if (id == null) return null;
    try {
      return Integer.valueOf(id);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private record Rle(int[] counts, int h, int w) {}

  private static List<Object> segmentation(RawAnnotation a) {
    // the polygons were checked by check(), which map() calls first
    if (a.rleCounts != null) return List.of(new Rle(a.rleCounts, a.rleH, a.rleW));
    return List.<Object>copyOf(a.polygons);
  }

  private static Rle rle(JsonNode seg) throws Bad {
    JsonNode size = seg.get("size");
    JsonNode counts = seg.get("counts");
    if (size == null || size.size() != 2 || counts == null) {
      throw new Bad("coco-rle", "RLE needs \"size\": [h, w] and \"counts\"");
    }
    long h = size.get(0).asLong(-1);
    long w = size.get(1).asLong(-1);
    if (h < 0 || w < 0 || h * w > Integer.MAX_VALUE) throw new Bad("bad-size", "RLE size " + size + " is not a valid [h, w]");
    int[] c;
    if (counts.isTextual()) {
      try {
        c = MaskBits.decodeCocoString(counts.textValue());
      } catch (IllegalArgumentException e) {
        throw new Bad("coco-rle", e.getMessage());
      }
    } else if (counts.isArray()) {
      c = new int[counts.size()];
      for (int i = 0; i < c.length; i++) {
        JsonNode n = counts.get(i);
        if (!n.canConvertToInt() || n.intValue() < 0) throw new Bad("coco-rle", "RLE count " + n + " is not a non-negative integer");
        c[i] = n.intValue();
      }
    } else {
      throw new Bad("coco-rle", "RLE counts must be a list or a string");
    }
    return new Rle(c, (int) h, (int) w);
  }

  private static double[] bbox(double[] v) throws Bad {
    if (v == null || v.length == 0) return null;
    if (v.length != 4) throw new Bad("coco-bbox", "bbox must be [x, y, width, height], got " + v.length + " numbers");
    for (double d : v) if (!Double.isFinite(d)) throw new Bad("not-a-number", "bbox value " + d + " is not finite");
    if (v[2] < 0 || v[3] < 0) throw new Bad("bad-size", "bbox has a negative size " + java.util.Arrays.toString(v));
    return v;
  }

  private static void checkKeypoints(double[] raw) throws Bad {
    if (raw.length % 3 != 0) throw new Bad("coco-keypoints", "keypoints length " + raw.length + " is not a multiple of 3");
    for (int i = 0; i < raw.length; i++) {
      double d = raw[i];
      if (!Double.isFinite(d)) throw new Bad("not-a-number", "keypoint value " + d + " is not finite");
      if (i % 3 == 2 && d != 0 && d != 1 && d != 2) {
        throw new Bad("keypoint-visibility", "keypoint " + i / 3 + " has visibility " + d + " (must be 0, 1 or 2)");
      }
    }
  }

  private static Points points(double[] raw, AnnotationMeta meta) {
    int n = raw.length / 3;
    double[] pts = new double[2 * n];
    int[] vis = new int[n];
    for (int i = 0; i < n; i++) {
      pts[2 * i] = raw[3 * i];
      pts[2 * i + 1] = raw[3 * i + 1];
      double v = raw[3 * i + 2];
      vis[i] = (int) v;
    }
    return new Points(meta, pts, vis);
  }
}
