package org.trainset.formats.cvat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trainset.core.convert.LossReport;
import org.trainset.core.model.AttributeSpec;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.LabelDef;
import org.trainset.core.model.MediaRef;

/**
 * Writes {@code <version>} and {@code <meta>}: the CVAT head kept in the schema's metadata when
 * the dataset came from CVAT (task, job or project, as it was), otherwise a new {@code <task>};
 * labels with their attribute specs and skeletons; for video, the mode, source and size.
 */
final class CvatMetaWriter {
  private CvatMetaWriter() {}

  /** The video written (the first item holding tracks), or null for CVAT for images. */
  record Video(String source, MediaRef media) {}

  @SuppressWarnings("unchecked")
  static void write(XmlOut out, DatasetSchema schema, List<LabelDef> labels, Video video, long images,
                    LossReport loss) throws IOException {
    Map<String, Object> cvat = schema.metadata().get(CvatFormat.METADATA_KEY) instanceof Map<?, ?> m
        ? (Map<String, Object>) m : Map.of();
    for (String key : schema.metadata().keySet()) {
      if (!key.equals(CvatFormat.METADATA_KEY)) loss.dropped(null, "dataset metadata '" + key + "'", null);
    }
    Map<String, Object> meta = new LinkedHashMap<>(cvat.get("meta") instanceof Map<?, ?> mm
        ? (Map<String, Object>) mm : Map.of());
    String container = cvat.get("container") instanceof String c ? c : "task";
    Map<String, Object> box = new LinkedHashMap<>(meta.get(container) instanceof Map<?, ?> cm
        ? (Map<String, Object>) cm : Map.of());
    if (box.isEmpty()) {
      box.put("name", schema.name());
      box.put("size", Long.toString(video == null ? images : 0));
      box.put("mode", video == null ? "annotation" : "interpolation");
    }
    if (video != null) {
      box.putIfAbsent("mode", "interpolation");
      if (video.media() != null && video.media().hasSize()) {
        Map<String, Object> size = new LinkedHashMap<>();
        size.put("width", video.media().width().toString());
        size.put("height", video.media().height().toString());
        box.put("original_size", size);
      }
      meta.put("source", video.source());
    }
    meta.remove(container);
    Map<String, String> svgs = cvat.get("skeleton_svg") instanceof Map<?, ?> s ? (Map<String, String>) s : Map.of();

    out.raw("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<annotations>\n");
    out.element(1, "version", "1.1");
    out.open(1, "meta").end().newline();
    out.open(2, container).end().newline();
    for (var e : box.entrySet()) tree(out, 3, e.getKey(), e.getValue());
    labels(out, labels, svgs);
    out.close(2, container);
    for (var e : meta.entrySet()) tree(out, 2, e.getKey(), e.getValue());
    out.close(1, "meta");
  }

  private static void labels(XmlOut out, List<LabelDef> labels, Map<String, String> svgs) throws IOException {
    java.util.Set<String> skeletons = new java.util.HashSet<>();
    for (LabelDef l : labels) if ("skeleton".equals(l.type())) skeletons.add(l.name());
    out.open(3, "labels").end().newline();
    for (LabelDef l : labels) {
      out.open(4, "label").end().newline();
      out.element(5, "name", l.name());
      if (l.color() != null) out.element(5, "color", l.color());
      if (l.type() != null) out.element(5, "type", l.type());
      out.open(5, "attributes").end().newline();
      for (AttributeSpec a : l.attributes()) {
        out.open(6, "attribute").end().newline();
        out.element(7, "name", a.name());
        out.element(7, "mutable", a.mutable() ? "True" : "False");
        out.element(7, "input_type", a.inputType());
        out.element(7, "default_value", a.defaultValue() == null ? "" : a.defaultValue());
        out.element(7, "values", String.join("\n", a.values()));
        out.close(6, "attribute");
      }
      out.close(5, "attributes");
      if ("skeleton".equals(l.type())) {
        out.element(5, "svg", svgs.getOrDefault(l.name(), CvatLabels.svgFor(l)));
      }
      // Only skeleton points have a parent in CVAT (a COCO supercategory is not one).
      if (l.parent() != null && skeletons.contains(l.parent())) out.element(5, "parent", l.parent());
      out.close(4, "label");
    }
    out.close(3, "labels");
  }

  /** A value kept from the read meta: text, a map of children, or a list of repeated elements. */
  private static void tree(XmlOut out, int indent, String name, Object value) throws IOException {
    if (value instanceof List<?> list) {
      for (Object v : list) tree(out, indent, name, v);
    } else if (value instanceof Map<?, ?> map) {
      out.open(indent, name).end().newline();
      for (var e : map.entrySet()) tree(out, indent + 1, String.valueOf(e.getKey()), e.getValue());
      out.close(indent, name);
    } else {
      out.element(indent, name, value == null ? "" : String.valueOf(value));
    }
  }
}
