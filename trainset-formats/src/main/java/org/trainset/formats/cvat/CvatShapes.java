package org.trainset.formats.cvat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Box;
import org.trainset.core.model.Mask;
import org.trainset.core.model.Points;
import org.trainset.core.model.Polygon;
import org.trainset.core.model.Polyline;
import org.trainset.core.model.Tag;

/** Reads one shape element (in an {@code <image>} or a track frame) into an annotation. */
final class CvatShapes {
  /** Meta attribute holding per-point keyframe flags of a skeleton frame when they differ from the frame's. */
  static final String POINT_KEYFRAMES = "cvat.point_keyframes";

  private final Path file;
  private final Map<String, List<String>> keypoints;

  /** @param keypoints skeleton label name to its point labels in order (from the meta) */
  CvatShapes(Path file, Map<String, List<String>> keypoints) {
    this.file = file;
    this.keypoints = keypoints;
  }

  /** One point of a skeleton as written: its label, position and flags. */
  record PointState(String label, double x, double y, boolean outside, boolean occluded, boolean keyframe) {
    int visibility() {
      return outside ? 0 : occluded ? 1 : 2;
    }
  }

  /**
   * Reads the element {@code r} is on (its start tag), consuming it whole.
   *
   * @param attrs        its attributes, already read
   * @param trackLabel   the track's label for frames of a track, else null
   */
  Annotation read(XMLStreamReader r, String kind, ShapeAttrs attrs, String trackLabel)
      throws XMLStreamException, InputException {
    if (attrs.label == null && trackLabel == null) {
      throw CvatXml.error(file, r, "cvat-label", "<" + kind + "> has no label attribute");
    }
    String label = attrs.label != null ? attrs.label : trackLabel;
    Map<String, Object> attributes = new LinkedHashMap<>();
    List<PointState> children = kind.equals("skeleton") ? new ArrayList<>() : null;
    while (CvatXml.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
      String child = r.getLocalName();
      if (child.equals("attribute")) {
        readAttribute(r, attributes);
      } else if (children != null && child.equals("points")) {
        ShapeAttrs p = ShapeAttrs.read(r, file, "points");
        double[] xy = ShapeAttrs.points(p.points, file, r);
        if (xy.length != 2) throw CvatXml.error(file, r, "cvat-points", "a skeleton point needs exactly one x,y");
        children.add(new PointState(p.label == null ? "" : p.label, xy[0], xy[1], p.outside, p.occluded, p.keyframe));
        CvatXml.skip(r);
      } else {
        throw CvatXml.error(file, r, "cvat-unknown-element", "<" + child + "> is not allowed inside <" + kind + ">");
      }
    }
    AnnotationMeta meta = attrs.meta(label, attributes);
    return switch (kind) {
      case "box" -> box(r, attrs, meta);
      case "polygon" -> new Polygon(meta, ShapeAttrs.points(attrs.points, file, r));
      case "polyline" -> new Polyline(meta, ShapeAttrs.points(attrs.points, file, r));
      case "points" -> new Points(meta, ShapeAttrs.points(attrs.points, file, r), null);
      case "mask" -> mask(r, attrs, meta);
      case "tag" -> new Tag(meta);
      case "skeleton" -> skeleton(meta, children, ShapeAttrs.points(attrs.points, file, r), trackLabel != null, attrs.keyframe);
      default -> throw new IllegalStateException(kind);
    };
  }

  private void readAttribute(XMLStreamReader r, Map<String, Object> into) throws XMLStreamException, InputException {
    String name = r.getAttributeValue(null, "name");
    if (name == null) throw CvatXml.error(file, r, "cvat-attribute", "<attribute> without a name");
    into.put(name, CvatXml.text(r));
  }

  private Box box(XMLStreamReader r, ShapeAttrs a, AnnotationMeta meta) throws InputException {
    if (Double.isNaN(a.xtl) || Double.isNaN(a.ytl) || Double.isNaN(a.xbr) || Double.isNaN(a.ybr)) {
      throw CvatXml.error(file, r, "cvat-box", "<box> needs xtl, ytl, xbr and ybr");
    }
    return new Box(meta, a.xtl, a.ytl, a.xbr - a.xtl, a.ybr - a.ytl, a.rotation);
  }

  private Mask mask(XMLStreamReader r, ShapeAttrs a, AnnotationMeta meta) throws InputException {
    if (a.rle == null || Double.isNaN(a.left) || Double.isNaN(a.top) || Double.isNaN(a.width) || Double.isNaN(a.height)) {
      throw CvatXml.error(file, r, "cvat-mask", "<mask> needs rle, left, top, width and height");
    }
    String[] parts = a.rle.isBlank() ? new String[0] : a.rle.split(",");
    int[] runs = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      runs[i] = ShapeAttrs.integer(parts[i], "rle", file, r);
    }
    try {
      return new Mask(meta, (int) a.left, (int) a.top, (int) a.width, (int) a.height, runs);
    } catch (IllegalArgumentException e) {
      throw CvatXml.error(file, r, "cvat-mask", e.getMessage());
    }
  }

  /** A skeleton's points in its label's keypoint order; undeclared point labels follow in file order. */
  Points skeleton(AnnotationMeta meta, List<PointState> states, double[] fallbackXy, boolean inTrack,
                  boolean frameKeyframe) {
    List<String> order = new ArrayList<>(keypoints.getOrDefault(meta.label(), List.of()));
    for (PointState s : states) if (!order.contains(s.label())) order.add(s.label());
    double[] xy = new double[order.size() * 2];
    int[] visibility = new int[order.size()];
    List<Boolean> keyframes = new ArrayList<>();
    boolean keyframesDiffer = false;
    for (int k = 0; k < order.size(); k++) {
      PointState s = find(states, order.get(k));
      if (s != null) {
        xy[2 * k] = s.x();
        xy[2 * k + 1] = s.y();
        visibility[k] = s.visibility();
      } else if (fallbackXy.length >= 2 * k + 2) {
        xy[2 * k] = fallbackXy[2 * k];
        xy[2 * k + 1] = fallbackXy[2 * k + 1];
      }
      boolean kf = s != null && s.keyframe();
      keyframes.add(kf);
      keyframesDiffer |= kf != frameKeyframe;
    }
    if (inTrack && keyframesDiffer) {
      Map<String, Object> attrs = new LinkedHashMap<>(meta.attributes());
      attrs.put(POINT_KEYFRAMES, keyframes);
      meta = meta.withAttributes(attrs);
    }
    return new Points(meta, xy, visibility);
  }

  private static PointState find(List<PointState> states, String label) {
    for (PointState s : states) if (s.label().equals(label)) return s;
    return null;
  }
}
