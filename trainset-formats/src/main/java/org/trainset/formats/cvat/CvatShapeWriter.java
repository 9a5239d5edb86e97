package org.trainset.formats.cvat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trainset.core.convert.LossReport;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.AnnotationType;
import org.trainset.core.model.Box;
import org.trainset.core.model.Mask;
import org.trainset.core.model.Points;
import org.trainset.core.model.Polygon;
import org.trainset.core.model.Polyline;
import org.trainset.core.model.Tag;
import org.trainset.core.model.Track;
import org.trainset.core.model.TrackFrame;

/**
 * Writes annotations as CVAT 1.1 shape elements: inside an {@code <image>}, or as the frames of a
 * {@code <track>}. Reports on the {@link LossReport} whatever an element cannot carry.
 */
final class CvatShapeWriter {
  private final XmlOut out;
  private final CvatLabelPlan labels;
  private final LossReport loss;
  private int nextTrackId;
  private final Set<String> usedTrackIds = new java.util.HashSet<>();

  CvatShapeWriter(XmlOut out, CvatLabelPlan labels, LossReport loss) {
    this.out = out;
    this.labels = labels;
    this.loss = loss;
  }

  /** One shape of an image; kinds CVAT has no element for go on the loss report. */
  void imageShape(Annotation a) throws IOException {
    if (a.meta().id() != null) loss.dropped(a.type(), "annotation id", "CVAT image shapes have none");
    if (a instanceof Box b) {
      begin("box", a.meta(), true);
      box(b);
      body("box", a.meta().attributes(), null, 2);
    } else if (a instanceof Polygon p) {
      poly("polygon", p.meta(), p.points());
    } else if (a instanceof Polyline p) {
      poly("polyline", p.meta(), p.points());
    } else if (a instanceof Points p && !labels.isSkeleton(p)) {
      poly("points", p.meta(), p.points());
    } else if (a instanceof Points p) {
      begin("skeleton", a.meta(), true);
      body("skeleton", a.meta().attributes(), p, 2);
    } else if (a instanceof Mask m) {
      begin("mask", a.meta(), true);
      mask(m);
      body("mask", a.meta().attributes(), null, 2);
    } else if (a instanceof Tag) {
      begin("tag", a.meta(), false);
      body("tag", a.meta().attributes(), null, 2);
    } else {
      loss.dropped(a.type(), null, "CVAT has no element for it");
    }
  }

  private void poly(String element, AnnotationMeta meta, double[] xy) throws IOException {
    begin(element, meta, true);
    out.raw(" points=\"");
    out.points(xy);
    out.raw("\"");
    body(element, meta.attributes(), null, 2);
  }

  private void begin(String element, AnnotationMeta meta, boolean geometric) throws IOException {
    out.open(2, element).attr("label", meta.label());
    if (meta.source() != null) out.attr("source", meta.source());
    if (geometric) out.attr("occluded", meta.occluded() ? 1 : 0);
    else if (meta.occluded()) loss.dropped(AnnotationType.TAG, "occluded", null);
    if (meta.group() != null) out.attr("group_id", (long) meta.group());
    if (geometric) out.attr("z_order", meta.zOrder());
    else if (meta.zOrder() != 0) loss.dropped(AnnotationType.TAG, "z-order", null);
  }

  private void box(Box b) throws IOException {
    out.attr("xtl", b.x()).attr("ytl", b.y()).attr("xbr", b.x2()).attr("ybr", b.y2());
    if (b.rotation() != 0) out.attr("rotation", b.rotation());
  }

  private void mask(Mask m) throws IOException {
    StringBuilder rle = new StringBuilder();
    for (int run : m.runs()) {
      if (!rle.isEmpty()) rle.append(", ");
      rle.append(run);
    }
    out.attr("rle", rle.toString()).attr("left", m.left()).attr("top", m.top())
        .attr("width", m.width()).attr("height", m.height());
  }

  /** Closes the start tag, writes attributes (and skeleton points), closes the element. */
  private void body(String element, Map<String, Object> attributes, Points skeleton, int indent) throws IOException {
    boolean hasBody = skeleton != null || attributes.keySet().stream().anyMatch(k -> !k.equals(CvatShapes.POINT_KEYFRAMES));
    if (!hasBody) {
      out.empty();
      return;
    }
    out.end().newline();
    if (skeleton != null) skeletonPoints(skeleton, indent + 1, null);
    attributes(attributes, indent + 1);
    out.close(indent, element);
  }

  private void attributes(Map<String, Object> attributes, int indent) throws IOException {
    for (var e : attributes.entrySet()) {
      if (e.getKey().equals(CvatShapes.POINT_KEYFRAMES)) continue;
      Object v = e.getValue();
      if (v == null) {
        loss.dropped(null, "attribute", "no value");
        continue;
      }
      if (!(v instanceof String)) loss.changed(null, "attribute value", typeName(v) + " -> text");
      out.open(indent, "attribute").attr("name", e.getKey()).end();
      out.raw(escapeText(String.valueOf(v))).raw("</attribute>\n");
    }
  }

  private void skeletonPoints(Points p, int indent, Boolean frameKeyframe) throws IOException {
    List<String> names = labels.keypointNames(p);
    Object kfs = p.meta().attributes().get(CvatShapes.POINT_KEYFRAMES);
    for (int k = 0; k < p.count(); k++) {
      out.open(indent, "points").attr("label", names.get(k));
      if (p.meta().source() != null) out.attr("source", p.meta().source());
      out.attr("outside", p.visibility(k) == 0 ? 1 : 0).attr("occluded", p.visibility(k) == 1 ? 1 : 0);
      if (frameKeyframe != null) {
        boolean kf = kfs instanceof List<?> l && k < l.size() ? Boolean.TRUE.equals(l.get(k)) : frameKeyframe;
        out.attr("keyframe", kf ? 1 : 0);
      }
      out.raw(" points=\"");
      out.number(p.x(k));
      out.raw(",");
      out.number(p.y(k));
      out.raw("\"").empty();
    }
  }

  /** A whole track: {@code <track>} with one element per frame. */
  void track(Track t) throws IOException {
    String id = t.meta().id();
    if (id == null || !id.matches("\\d+") || !usedTrackIds.add(id)) {
      while (usedTrackIds.contains(Integer.toString(nextTrackId))) nextTrackId++;
      id = Integer.toString(nextTrackId);
      usedTrackIds.add(id);
      loss.changed(AnnotationType.TRACK, "track id", "assigned");
    }
    out.open(1, "track").attr("id", id).attr("label", t.label());
    if (t.meta().source() != null) out.attr("source", t.meta().source());
    if (t.meta().group() != null) out.attr("group_id", (long) t.meta().group());
    out.end().newline();
    if (!t.meta().attributes().isEmpty()) loss.changed(AnnotationType.TRACK, "attribute", "-> attribute of each frame");
    for (TrackFrame f : t.frames()) frame(t, f);
    out.close(1, "track");
  }

  private void frame(Track t, TrackFrame f) throws IOException {
    Annotation s = f.shape();
    Map<String, Object> attributes = new LinkedHashMap<>(t.meta().attributes());
    attributes.putAll(s.meta().attributes());
    if (s.meta().source() != null || s.meta().group() != null || s.meta().id() != null) {
      loss.dropped(AnnotationType.TRACK, "frame source/group/id", "CVAT keeps them per track");
    }
    String element = null;
    if (s instanceof Box) element = "box";
    else if (s instanceof Polygon) element = "polygon";
    else if (s instanceof Polyline) element = "polyline";
    else if (s instanceof Points p) element = labels.isSkeleton(p.withMeta(p.meta().withLabel(t.label()))) ? "skeleton" : "points";
    else if (s instanceof Mask) element = "mask";
    if (element == null) {
      loss.dropped(AnnotationType.TRACK, s.type().key() + " frame", null);
      return;
    }
    out.open(2, element).attr("frame", f.frame()).attr("outside", f.outside() ? 1 : 0)
        .attr("occluded", s.meta().occluded() ? 1 : 0).attr("keyframe", f.keyframe() ? 1 : 0);
    if (s instanceof Box b) {
      box(b);
    } else if (s instanceof Mask m) {
      mask(m);
    } else if (!element.equals("skeleton")) {
      double[] xy = s instanceof Polygon p ? p.points() : s instanceof Polyline l ? l.points() : ((Points) s).points();
      out.raw(" points=\"");
      out.points(xy);
      out.raw("\"");
    }
    out.attr("z_order", s.meta().zOrder());
    out.end().newline();
    if (element.equals("skeleton")) {
      Points p = (Points) s;
      skeletonPoints(p.withMeta(p.meta().withLabel(t.label())), 3, f.keyframe());
    }
    attributes(attributes, 3);
    out.close(2, element);
  }

  private static String typeName(Object v) {
    return v instanceof Number ? "number" : v instanceof Boolean ? "boolean" : v instanceof List ? "list" : "object";
  }

  static String escapeText(String s) {
    if (s.indexOf('&') < 0 && s.indexOf('<') < 0 && s.indexOf('>') < 0 && s.indexOf('\r') < 0) return s;
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;");
  }

}
