package org.trainset.families.xray;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Box;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaKind;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.Polygon;

/**
 * Joins one image's COCO polygons and VOC boxes. Each polygon object keeps (or gets) a group;
 * each VOC box joins the group of the same-label polygon whose bounds overlap it most. When the
 * image has no VOC file, boxes are derived from the polygons' bounds (source {@code polygon}),
 * as the release derived its VOC files, so a conversion to VOC always has boxes.
 */
final class XrayJoin {
  private XrayJoin() {}

  static Item item(String prefix, String stem, String file, MediaRef media, Map<String, Object> folderAttrs,
                   Map<String, Object> cocoAttrs, List<Annotation> polygons, List<Annotation> boxes) {
    Map<String, Object> attrs = new LinkedHashMap<>(folderAttrs);
    cocoAttrs.forEach((k, v) -> attrs.put(k.equals("id") ? "coco_image_id" : k, v));
    List<Annotation> out = new ArrayList<>();
    List<Polygon> polys = new ArrayList<>();
    int nextGroup = 1;
    for (Annotation a : polygons) {
      if (a instanceof Polygon p) {
        Integer g = p.meta().group() != null ? p.meta().group() : (p.meta().id() != null && p.meta().id().matches("\\d{1,9}")
            ? Integer.valueOf(p.meta().id()) : nextGroup);
        nextGroup = Math.max(nextGroup, g + 1);
        p = p.withMeta(p.meta().withGroup(g));
        polys.add(p);
        out.add(p);
      } else {
        out.add(a);
      }
    }
    if (boxes == null) {
      for (Polygon p : polys) {
        double[] b = bounds(p);
        AnnotationMeta meta = new AnnotationMeta(null, p.label(), Map.of(), p.meta().group(), 0, false, "polygon");
        out.add(new Box(meta, b[0], b[1], b[2] - b[0], b[3] - b[1]));
      }
    } else {
      for (Annotation a : boxes) {
        if (a instanceof Box b) {
          Polygon best = null;
          double bestIou = 0;
          for (Polygon p : polys) {
            if (!p.label().equals(b.label())) continue;
            double iou = iou(bounds(p), new double[] {b.x(), b.y(), b.x2(), b.y2()});
            if (iou > bestIou) {
              bestIou = iou;
              best = p;
            }
          }
          out.add(best == null ? b : b.withMeta(b.meta().withGroup(best.meta().group())));
        } else {
          out.add(a);
        }
      }
    }
    String path = prefix + file;
    MediaRef m = media == null ? new MediaRef(MediaKind.IMAGE, path, null, null, Map.of())
        : new MediaRef(media.kind(), path, media.width(), media.height(), media.info());
    return new Item(prefix + stem, null, List.of(m), attrs, out);
  }

  /** minX, minY, maxX, maxY of a polygon. */
  static double[] bounds(Polygon p) {
    double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (int i = 0; i < p.vertexCount(); i++) {
      b[0] = Math.min(b[0], p.x(i));
      b[1] = Math.min(b[1], p.y(i));
      b[2] = Math.max(b[2], p.x(i));
      b[3] = Math.max(b[3], p.y(i));
    }
    return b;
  }

  static double iou(double[] a, double[] b) {
    double w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
    double h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
    if (w <= 0 || h <= 0) return 0;
    double inter = w * h;
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter);
  }
}
