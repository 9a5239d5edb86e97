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
import org.trainset.core.model.Points;
import org.trainset.core.model.Track;
import org.trainset.core.model.TrackFrame;
import org.trainset.formats.cvat.CvatShapes.PointState;

/**
 * Reads a {@code <track>} of CVAT for video. Skeleton tracks come in two layouts, both read into
 * a track of {@link Points} frames: CVAT's own (each {@code <skeleton frame>} holds its
 * {@code <points>}) and Datumaro's (empty {@code <skeleton frame>}s plus one nested
 * {@code <track>} per point, whose frames may be sparse: a point with no frame keeps its last
 * visibility and takes its position from the skeleton's {@code points}).
 */
final class CvatTracks {
  private final Path file;
  private final CvatShapes shapes;

  CvatTracks(Path file, CvatShapes shapes) {
    this.file = file;
    this.shapes = shapes;
  }

  /** A skeleton frame before its points are joined with the per-point sub-tracks. */
  private record SkeletonFrame(ShapeAttrs attrs, Points shape) {}

  Track read(XMLStreamReader r) throws XMLStreamException, InputException {
    String id = null, label = null, source = null;
    Integer group = null;
    for (int i = 0; i < r.getAttributeCount(); i++) {
      String v = r.getAttributeValue(i);
      switch (r.getAttributeLocalName(i)) {
        case "id" -> id = v;
        case "label" -> label = v;
        case "source" -> source = v;
        case "group_id" -> group = ShapeAttrs.integer(v, "group_id", file, r);
        default -> throw CvatXml.error(file, r, "cvat-unknown-attribute",
            "<track> has an attribute '" + r.getAttributeLocalName(i) + "' that CVAT 1.1 does not define");
      }
    }
    if (label == null) throw CvatXml.error(file, r, "cvat-label", "<track> has no label attribute");
    List<TrackFrame> frames = new ArrayList<>();
    List<SkeletonFrame> skeletonFrames = new ArrayList<>();
    Map<String, Map<Integer, PointState>> subTracks = new LinkedHashMap<>();
    while (CvatXml.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
      String kind = r.getLocalName();
      if (kind.equals("track")) {
        readSubTrack(r, subTracks);
        continue;
      }
      if (!ShapeAttrs.isShape(kind) || kind.equals("tag")) {
        throw CvatXml.error(file, r, "cvat-unknown-shape", "<" + kind + "> is not a track shape");
      }
      ShapeAttrs a = ShapeAttrs.read(r, file, kind);
      if (a.frame < 0) throw CvatXml.error(file, r, "cvat-frame", "<" + kind + "> in a track needs frame=\"N\"");
      Annotation shape = shapes.read(r, kind, a, label);
      if (shape instanceof Points p && kind.equals("skeleton")) {
        skeletonFrames.add(new SkeletonFrame(a, p));
        frames.add(null); // placed after the sub-tracks are known
      } else {
        frames.add(new TrackFrame(a.frame, shape, a.outside, a.keyframe));
      }
    }
    if (!skeletonFrames.isEmpty()) fillSkeletonFrames(frames, skeletonFrames, subTracks, label);
    AnnotationMeta meta = new AnnotationMeta(id, label, Map.of(), group, 0, false, source);
    return new Track(meta, frames);
  }

  private void readSubTrack(XMLStreamReader r, Map<String, Map<Integer, PointState>> subTracks)
      throws XMLStreamException, InputException {
    String pointLabel = r.getAttributeValue(null, "label");
    Map<Integer, PointState> byFrame = subTracks.computeIfAbsent(pointLabel == null ? "" : pointLabel,
        k -> new LinkedHashMap<>());
    while (CvatXml.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
      if (!r.getLocalName().equals("points")) {
        throw CvatXml.error(file, r, "cvat-unknown-shape", "a skeleton point track holds <points>, not <" + r.getLocalName() + ">");
      }
      ShapeAttrs a = ShapeAttrs.read(r, file, "points");
      double[] xy = ShapeAttrs.points(a.points, file, r);
      if (xy.length != 2) throw CvatXml.error(file, r, "cvat-points", "a skeleton point needs exactly one x,y");
      byFrame.put(a.frame, new PointState(pointLabel, xy[0], xy[1], a.outside, a.occluded, a.keyframe));
      CvatXml.skip(r);
    }
  }

  /** Joins skeleton frames with per-point sub-tracks (when the file has them). */
  private void fillSkeletonFrames(List<TrackFrame> frames, List<SkeletonFrame> skeletonFrames,
                                  Map<String, Map<Integer, PointState>> subTracks, String label) {
    Map<String, Integer> lastVisibility = new LinkedHashMap<>();
    int next = 0;
    for (SkeletonFrame sf : skeletonFrames) {
      Points shape = sf.shape();
      if (!subTracks.isEmpty()) {
        List<PointState> states = new ArrayList<>();
        for (var e : subTracks.entrySet()) {
          PointState s = e.getValue().get(sf.attrs().frame);
          if (s == null) {
            // No frame for this point here: it keeps its last state; its position is the skeleton's.
            int v = lastVisibility.getOrDefault(e.getKey(), 0);
            s = new PointState(e.getKey(), Double.NaN, Double.NaN, v == 0, v == 1, false);
          }
          lastVisibility.put(e.getKey(), s.visibility());
          states.add(s);
        }
        Map<String, Object> attributes = new LinkedHashMap<>(shape.meta().attributes());
        attributes.remove(CvatShapes.POINT_KEYFRAMES); // recomputed from the sub-tracks below
        shape = shapes.skeleton(shape.meta().withAttributes(attributes), withPositions(states, shape.points()),
            new double[0], true, sf.attrs().keyframe);
      }
      while (frames.get(next) != null) next++;
      frames.set(next, new TrackFrame(sf.attrs().frame, shape, sf.attrs().outside, sf.attrs().keyframe));
    }
  }

  /** Fills positions of synthesised states from the skeleton's own {@code points}, by sub-track order. */
  private static List<PointState> withPositions(List<PointState> states, double[] skeletonXy) {
    List<PointState> out = new ArrayList<>(states.size());
    int k = 0;
    for (PointState s : states) {
      if (Double.isNaN(s.x())) {
        double x = skeletonXy.length >= 2 * k + 2 ? skeletonXy[2 * k] : 0;
        double y = skeletonXy.length >= 2 * k + 2 ? skeletonXy[2 * k + 1] : 0;
        s = new PointState(s.label(), x, y, s.outside(), s.occluded(), s.keyframe());
      }
      out.add(s);
      k++;
    }
    return out;
  }
}
