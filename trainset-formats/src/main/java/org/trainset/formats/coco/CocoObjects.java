package org.trainset.formats.coco;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.trainset.core.convert.LossReport;
import org.trainset.core.geometry.MaskBits;
import org.trainset.core.json.JsonValues;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationType;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Box;
import org.trainset.core.model.Caption;
import org.trainset.core.model.Item;
import org.trainset.core.model.Mask;
import org.trainset.core.model.Points;
import org.trainset.core.model.Polygon;
import org.trainset.core.model.Tag;
import org.trainset.core.model.Track;

/**
 * An item's annotations as COCO objects, the inverse of {@link CocoAnnotations}: {@link Points}
 * with the box and segmentation of its group become one person_keypoints object; polygons that
 * share an id and a group become one multi-polygon object; tags go to the labels task, captions
 * to captions. What COCO has no place for is reported on the {@link LossReport}.
 */
final class CocoObjects {
  /**
   * One COCO annotation object bound for a task file. {@code merged}: made of several model
   * annotations, which the reader groups under the object's id unless told another group.
   */
  record Obj(String task, AnnotationMeta meta, ObjectNode node, boolean merged) {}

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

  private CocoObjects() {}

  static List<Obj> of(Item item, CocoCategories categories, LossReport loss) {
    List<Annotation> anns = item.annotations();
    boolean[] done = new boolean[anns.size()];
    List<Obj> out = new ArrayList<>();
    for (int i = 0; i < anns.size(); i++) {
      if (done[i]) continue;
      Annotation a = anns.get(i);
      done[i] = true;
      if (a instanceof Points p) {
        out.add(keypoints(p, item, anns, done, categories, loss));
      } else if (a instanceof Polygon p) {
        List<Annotation> parts = new ArrayList<>(List.of(p));
        if (p.meta().group() != null && p.meta().id() != null) {
          for (int j = i + 1; j < anns.size(); j++) {
            if (!done[j] && anns.get(j) instanceof Polygon q && sameObject(p.meta(), q.meta())) {
              parts.add(q);
              done[j] = true;
            }
          }
        }
        out.add(instance(p.meta(), parts, parts.size() > 1, item, categories, loss));
      } else if (a instanceof Mask || a instanceof Box) {
        out.add(instance(a.meta(), List.of(a), false, item, categories, loss));
      } else if (a instanceof Tag t) {
        out.add(new Obj("labels", t.meta(), base(t.meta(), false, categories.idOf(t.label())), false));
      } else if (a instanceof Caption c) {
        long cat = c.label().isEmpty() && !categories.declares("") ? 0 : categories.idOf(c.label());
        ObjectNode n = base(c.meta(), false, cat);
        n.put("caption", c.text());
        out.add(new Obj("captions", c.meta(), n, false));
      } else if (a instanceof Track t) {
        loss.dropped(AnnotationType.TRACK, null, t.shapeType() == null ? "empty" : t.shapeType().key());
      } else {
        // polyline, text pair, time event: COCO has no place for them
        loss.dropped(a.type(), null, null);
      }
    }
    return out;
  }

  private static boolean sameObject(AnnotationMeta a, AnnotationMeta b) {
    return Objects.equals(a.id(), b.id()) && Objects.equals(a.group(), b.group()) && a.label().equals(b.label());
  }

  private static Obj keypoints(Points p, Item item, List<Annotation> anns, boolean[] done,
                               CocoCategories categories, LossReport loss) {
    Box box = null;
    List<Annotation> seg = new ArrayList<>();
    Integer g = p.meta().group();
    if (g != null) {
      for (int j = 0; j < anns.size(); j++) {
        Annotation a = anns.get(j);
        if (done[j] || !g.equals(a.meta().group()) || !a.label().equals(p.label())) continue;
        if (a instanceof Box b && box == null && b.rotation() == 0) {
          box = b;
          done[j] = true;
        } else if ((a instanceof Polygon && (seg.isEmpty() || seg.get(0) instanceof Polygon))
            || (a instanceof Mask && seg.isEmpty())) {
          seg.add(a);
          done[j] = true;
        }
      }
    }
    ObjectNode n = base(p.meta(), true, categories.idOf(p.label()));
    ArrayNode k = n.putArray("keypoints");
    for (int i = 0; i < p.count(); i++) k.add(p.x(i)).add(p.y(i)).add(p.visibility(i));
    n.put("num_keypoints", p.labelledCount());
    double area;
    if (box != null) {
      n.putArray("bbox").add(box.x()).add(box.y()).add(box.width()).add(box.height());
      area = box.area();
    } else {
      area = visibleExtentArea(p);
    }
    if (!seg.isEmpty()) {
      area = segmentation(n, seg, item, loss);
    } else {
      n.putArray("segmentation");
    }
    n.put("area", area);
    return new Obj("person_keypoints", p.meta(), n, true);
  }

  private static Obj instance(AnnotationMeta meta, List<? extends Annotation> parts, boolean merged, Item item,
                              CocoCategories categories, LossReport loss) {
    ObjectNode n = base(meta, merged, categories.idOf(meta.label()));
    if (parts.get(0) instanceof Box b) {
      n.putArray("segmentation");
      n.putArray("bbox").add(b.x()).add(b.y()).add(b.width()).add(b.height());
      n.put("area", b.area());
      if (b.rotation() != 0) {
        loss.changed(AnnotationType.BOX, "rotation", "COCO bbox is the unrotated box, angle kept in attributes.rotation");
        attributes(n).put(CocoAnnotations.ROTATION, b.rotation());
      }
    } else {
      double area = segmentation(n, parts, item, loss);
      n.put("area", area);
    }
    return new Obj("instances", meta, n, merged);
  }

  /** Writes segmentation and its bbox; returns the area. */
  private static double segmentation(ObjectNode n, List<? extends Annotation> parts, Item item, LossReport loss) {
    double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
    double area = 0;
    if (parts.get(0) instanceof Mask m) {
      int h = item.height() != null ? item.height() : m.top() + m.height();
      int w = item.width() != null ? item.width() : m.left() + m.width();
      if (item.height() == null || item.width() == null) loss.changed(AnnotationType.MASK, "canvas", "image of unknown size: RLE canvas is the mask's extent");
      int[] counts = MaskBits.toCoco(m, h, w);
      ObjectNode rle = n.putObject("segmentation");
      if (n.path("iscrowd").asInt() == 1) {
        ArrayNode c = rle.putArray("counts");
        for (int v : counts) c.add(v);
      } else {
        rle.put("counts", MaskBits.encodeCocoString(counts));
      }
      rle.putArray("size").add(h).add(w);
      if (m.area() > 0) {
        x0 = m.left();
        y0 = m.top();
        x1 = m.left() + m.width();
        y1 = m.top() + m.height();
      }
      area = m.area();
    } else {
      ArrayNode seg = n.putArray("segmentation");
      for (Annotation a : parts) {
        Polygon p = (Polygon) a;
        ArrayNode poly = seg.addArray();
        double twice = 0;
        for (int i = 0; i < p.vertexCount(); i++) {
          poly.add(p.x(i)).add(p.y(i));
          x0 = Math.min(x0, p.x(i));
          y0 = Math.min(y0, p.y(i));
          x1 = Math.max(x1, p.x(i));
          y1 = Math.max(y1, p.y(i));
          int j = (i + 1) % p.vertexCount();
          twice += p.x(i) * p.y(j) - p.x(j) * p.y(i);
        }
        area += Math.abs(twice) / 2;
      }
    }
    if (!n.has("bbox")) {
      ArrayNode b = n.putArray("bbox");
      if (x1 >= x0) b.add(x0).add(y0).add(x1 - x0).add(y1 - y0);
    }
    return area;
  }

  private static double visibleExtentArea(Points p) {
    double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < p.count(); i++) {
      if (p.visibility(i) == 0) continue;
      x0 = Math.min(x0, p.x(i));
      y0 = Math.min(y0, p.y(i));
      x1 = Math.max(x1, p.x(i));
      y1 = Math.max(y1, p.y(i));
    }
    return x1 >= x0 ? (x1 - x0) * (y1 - y0) : 0;
  }

  /**
   * id (filled in by the writer), category, iscrowd and attributes. Attributes go into Datumaro's
   * {@code attributes} object, except {@code score} (top level, as detectors write it) and names
   * the reader would take as common fields, which go to the top level where they stay attributes.
   */
  private static ObjectNode base(AnnotationMeta meta, boolean merged, long categoryId) {
    ObjectNode n = F.objectNode();
    n.putNull("id");
    n.putNull("image_id");
    n.put("category_id", categoryId);
    boolean crowd = Boolean.TRUE.equals(meta.attributes().get(CocoAnnotations.CROWD));
    n.put("iscrowd", crowd ? 1 : 0);
    for (Map.Entry<String, Object> e : meta.attributes().entrySet()) {
      String k = e.getKey();
      if (crowd && k.equals(CocoAnnotations.CROWD)) continue;
      boolean topLevel = k.equals("score") || k.equals("occluded") || k.equals("z_order") || k.equals("group")
          || k.equals("source");
      if (topLevel) n.set(k, toNode(e.getValue())); else attributes(n).set(k, toNode(e.getValue()));
    }
    if (meta.occluded()) attributes(n).put("occluded", true);
    if (meta.zOrder() != 0) attributes(n).put("z_order", meta.zOrder());
    if (meta.source() != null) attributes(n).put("source", meta.source());
    if (meta.group() != null && !merged) attributes(n).put("group", meta.group());
    return n;
  }

  static ObjectNode attributes(ObjectNode n) {
    return n.has("attributes") ? (ObjectNode) n.get("attributes") : n.putObject("attributes");
  }

  private static com.fasterxml.jackson.databind.JsonNode toNode(Object v) {
    return MAPPER.valueToTree(JsonValues.normalise(v));
  }
}
