package org.trainset.formats.cvat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.trainset.core.io.InputException;
import org.trainset.core.io.SafeXml;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Item;
import org.trainset.core.model.LabelDef;
import org.trainset.core.model.MediaKind;
import org.trainset.core.model.MediaRef;
import org.trainset.core.issue.Issue;
import org.trainset.core.issue.Severity;
import org.trainset.core.spi.ProblemSink;

/**
 * Streams items: each {@code <image>} becomes one item as soon as it is read. The
 * {@code <track>}s of a video belong to one item (the video), emitted after the last element,
 * so memory holds one image, or the tracks of the one video.
 */
final class CvatCursor implements org.trainset.core.spi.ItemCursor {
  /** Item attribute holding the CVAT image {@code id} (the frame number). */
  static final String FRAME = "frame";
  /** Item attribute holding the task an image came from in project exports. */
  static final String TASK_ID = "task_id";

  /** CVAT shapes the model has no kind for: reported as problems (fatal unless validating), then skipped. */
  private static final java.util.Set<String> UNSUPPORTED = java.util.Set.of("ellipse", "cuboid");

  private final Path file;
  private final XMLStreamReader r;
  private final ProblemSink problems;
  private final CvatHead head;
  private final CvatShapes shapes;
  private final CvatTracks tracks;
  private final List<Annotation> videoTracks = new ArrayList<>();
  private final Map<String, String> imageIds = new HashMap<>();
  private boolean pending = true; // the head parser left the reader on the first item element
  private boolean done;

  CvatCursor(Path file, XMLStreamReader r, CvatHead head, ProblemSink problems) {
    this.file = file;
    this.problems = problems;
    this.r = r;
    this.head = head;
    Map<String, List<String>> keypoints = new HashMap<>();
    for (LabelDef l : head.labels()) if (!l.keypoints().isEmpty()) keypoints.put(l.name(), l.keypoints());
    this.shapes = new CvatShapes(file, keypoints);
    this.tracks = new CvatTracks(file, shapes);
  }

  @Override public Item next() throws IOException {
    if (done) return null;
    try {
      while (true) {
        int ev = pending ? r.getEventType() : CvatXml.nextTag(r);
        pending = false;
        if (ev != XMLStreamConstants.START_ELEMENT) {
          done = true;
          if (ev == XMLStreamConstants.END_ELEMENT) SafeXml.requireEnd(r, file); // the root's end tag
          return videoTracks.isEmpty() ? null : videoItem();
        }
        switch (r.getLocalName()) {
          case "image" -> {
            return image();
          }
          case "track" -> videoTracks.add(tracks.read(r));
          default -> throw CvatXml.error(file, r, "cvat-unknown-element",
              "<" + r.getLocalName() + "> is not a CVAT 1.1 element here (expected <image> or <track>)");
        }
      }
    } catch (XMLStreamException e) {
      throw SafeXml.inputError(file, e);
    }
  }

  private Item image() throws XMLStreamException, InputException {
    String name = null, subset = null;
    Integer width = null, height = null;
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (int i = 0; i < r.getAttributeCount(); i++) {
      String v = r.getAttributeValue(i);
      String attr = r.getAttributeLocalName(i);
      switch (attr) {
        case "name" -> name = v;
        case "subset" -> subset = v;
        case "width" -> width = ShapeAttrs.integer(v, attr, file, r);
        case "height" -> height = ShapeAttrs.integer(v, attr, file, r);
        case "id" -> attributes.put(FRAME, longOrText(v));
        case "task_id" -> attributes.put(TASK_ID, longOrText(v));
        default -> attributes.put(attr, v);
      }
    }
    if (name == null) throw CvatXml.error(file, r, "cvat-image", "<image> has no name");
    Object imageId = attributes.get(FRAME);
    if (imageId != null) {
      // Ids are unique per task and subset (project exports repeat them across subsets); CVAT
      // imports use the id as the frame number, so a repeat would merge two images' annotations.
      String key = subset + "\u0000" + attributes.get(TASK_ID) + "\u0000" + imageId;
      String first = imageIds.putIfAbsent(key, name);
      if (first != null) {
        problems.report(Issue.at(Severity.ERROR, "duplicate-image-id", file.toString(), r.getLocation().getLineNumber(), subset != null ? subset + "/" + name : name, null, "<image id=\"" + imageId + "\"> repeats the id of '" + first + "'"));
      }
    }
    if ((width != null && width < 0) || (height != null && height < 0)) {
      throw CvatXml.error(file, r, "cvat-image", "<image> has a negative size");
    }
    List<Annotation> annotations = new ArrayList<>();
    while (CvatXml.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
      String kind = r.getLocalName();
      if (UNSUPPORTED.contains(kind)) {
        var loc = r.getLocation();
        problems.report(Issue.at(Severity.ERROR, "cvat-unsupported-shape", file.toString(), loc.getLineNumber(), subset != null ? subset + "/" + name : name, "#" + annotations.size(), "<" + kind + "> has no trainset annotation kind; skipped"));
        CvatXml.skip(r);
        continue;
      }
      if (!ShapeAttrs.isShape(kind)) {
        throw CvatXml.error(file, r, "cvat-unknown-shape", "<" + kind + "> is not a shape trainset reads "
            + "(box, polygon, polyline, points, mask, tag, skeleton)");
      }
      ShapeAttrs a = ShapeAttrs.read(r, file, kind);
      annotations.add(shapes.read(r, kind, a, null));
    }
    String id = subset != null ? subset + "/" + name : name;
    String path = "images/" + (subset != null ? subset + "/" : "") + name;
    String itemSubset = subset != null ? subset : head.containerSubset();
    return new Item(id, itemSubset, List.of(MediaRef.image(path, width, height)), attributes, annotations);
  }

  /** The video all tracks belong to: named by meta {@code <source>}, else the task name. */
  @SuppressWarnings("unchecked")
  private Item videoItem() {
    Object source = head.meta().get("source");
    Object taskName = head.containerMap().get("name");
    String id = source instanceof String s && !s.isBlank() ? s
        : taskName instanceof String t && !t.isBlank() ? t : "video";
    Integer width = null, height = null;
    if (head.containerMap().get("original_size") instanceof Map<?, ?> size) {
      width = intOrNull(((Map<String, Object>) size).get("width"));
      height = intOrNull(((Map<String, Object>) size).get("height"));
    }
    MediaRef media = new MediaRef(MediaKind.VIDEO, id, width, height, Map.of());
    List<Annotation> all = new ArrayList<>(videoTracks);
    videoTracks.clear();
    return new Item(id, head.containerSubset(), List.of(media), Map.of(), all);
  }

  private static Integer intOrNull(Object o) {
    try {
      return o instanceof String s ? Integer.valueOf(s.strip()) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Object longOrText(String v) {
    try {
      return Long.valueOf(v.strip());
    } catch (NumberFormatException e) {
      return v;
    }
  }

  @Override public long bytesRead() {
    return Math.max(0, r.getLocation().getCharacterOffset());
  }

  @Override public void close() throws IOException {
    try {
      r.close();
    } catch (XMLStreamException e) {
      throw SafeXml.inputError(file, e);
    }
  }

}
