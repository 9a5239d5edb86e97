package org.trainset.families.objects;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trainset.core.convert.LossReport;
import org.trainset.core.json.JsonValues;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.AnnotationType;
import org.trainset.core.model.Box;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaKind;
import org.trainset.core.model.MediaRef;
import org.trainset.core.spi.ReadOptions;
import org.trainset.families.jsonfiles.JsonFiles;

/**
 * One per-image document ⇄ one item. The item's id is the document's path under the root
 * without {@code .json}; image and environment attributes become item attributes (flat, under
 * their own keys); each object becomes a box whose attributes are the object's other keys.
 * Unknown keys are kept: inside a group they stay attributes, at the top level they become item
 * attributes (written back into {@code image}).
 */
final class ObjectsDocument {
  private ObjectsDocument() {}

  static Item parse(Path root, Path file, JsonNode doc, ReadOptions options) throws IOException {
    JsonNode image = doc.get("image");
    if (image == null || !image.isObject()) {
      throw JsonFiles.bad(file, "/image", "objects-image", "expected the image attribute object, found "
          + JsonFiles.describe(image));
    }
    String rel = root.relativize(file.toAbsolutePath()).toString().replace('\\', '/');
    String id = rel.substring(0, rel.length() - ".json".length());
    String folder = id.contains("/") ? id.substring(0, id.lastIndexOf('/') + 1) : "";
    String fileName = JsonFiles.text(file, image, "file_name", "/image");
    Integer w = image.hasNonNull("width") ? (int) JsonFiles.number(file, image.get("width"), "/image/width") : null;
    Integer h = image.hasNonNull("height") ? (int) JsonFiles.number(file, image.get("height"), "/image/height") : null;
    MediaRef media = new MediaRef(MediaKind.IMAGE, folder + fileName, w, h, Map.of());

    Map<String, Object> attrs = new LinkedHashMap<>();
    putAll(attrs, image, List.of("file_name", "width", "height"));
    JsonNode env = doc.get("environment");
    if (env != null && !env.isNull()) {
      if (!env.isObject()) throw JsonFiles.bad(file, "/environment", "objects-environment", "expected an object");
      putAll(attrs, env, List.of());
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!List.of("image", "environment", "objects").contains(e.getKey())) {
        attrs.put(e.getKey(), JsonValues.toJava(e.getValue()));
      }
    }

    List<Annotation> anns = new ArrayList<>();
    JsonNode objects = doc.get("objects");
    if (objects != null && !objects.isNull()) {
      if (!objects.isArray()) throw JsonFiles.bad(file, "/objects", "objects-list", "expected an array");
      for (int i = 0; i < objects.size(); i++) anns.add(box(file, objects.get(i), "/objects/" + i));
    }
    return new Item(id, null, List.of(media), attrs, anns);
  }

  private static Box box(Path file, JsonNode o, String pointer) throws IOException {
    if (!o.isObject()) throw JsonFiles.bad(file, pointer, "objects-object", "expected an object");
    String label = JsonFiles.text(file, o, "label", pointer);
    double[] b = JsonFiles.numbers(file, o.get("bbox"), pointer + "/bbox", 4);
    JsonNode idNode = o.get("id");
    String id = idNode == null || idNode.isNull() ? null : idNode.asText();
    Map<String, Object> attrs = new LinkedHashMap<>();
    putAll(attrs, o, List.of("id", "label", "bbox"));
    return new Box(new AnnotationMeta(id, label, attrs, null, 0, false, null), b[0], b[1], b[2], b[3]);
  }

  private static void putAll(Map<String, Object> into, JsonNode obj, List<String> skip) {
    for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!skip.contains(e.getKey())) into.put(e.getKey(), JsonValues.toJava(e.getValue()));
    }
  }

  /** Writes {@code item} as a document; what the layout cannot hold goes on {@code loss}. */
  static void write(JsonGenerator g, Item item, LossReport loss) throws IOException {
    MediaRef m = item.primaryMedia();
    if (item.media().size() > 1) loss.dropped(null, "media", "beyond the first image");
    if (item.subset() != null) loss.dropped(null, "subset", "the layout has none");
    g.writeStartObject();
    g.writeObjectFieldStart("image");
    String path = m == null ? "" : m.path();
    g.writeStringField("file_name", path.substring(path.lastIndexOf('/') + 1));
    if (m != null && m.width() != null) g.writeNumberField("width", m.width());
    if (m != null && m.height() != null) g.writeNumberField("height", m.height());
    for (Map.Entry<String, Object> e : item.attributes().entrySet()) {
      if (!ObjectsSchema.ENVIRONMENT.contains(e.getKey())) field(g, e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeObjectFieldStart("environment");
    for (Map.Entry<String, Object> e : item.attributes().entrySet()) {
      if (ObjectsSchema.ENVIRONMENT.contains(e.getKey())) field(g, e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeArrayFieldStart("objects");
    for (Annotation a : item.annotations()) {
      if (!(a instanceof Box b)) {
        loss.dropped(a.type(), null, "the layout holds boxes");
        continue;
      }
      if (b.rotation() != 0) loss.dropped(AnnotationType.BOX, "rotation", null);
      AnnotationMeta meta = b.meta();
      if (meta.group() != null || meta.occluded() || meta.zOrder() != 0 || meta.source() != null) {
        loss.dropped(AnnotationType.BOX, "group/occluded/z-order/source", null);
      }
      g.writeStartObject();
      if (meta.id() != null) {
        if (meta.id().matches("0|[1-9][0-9]{0,17}")) g.writeNumberField("id", Long.parseLong(meta.id()));
        else g.writeStringField("id", meta.id());
      }
      g.writeStringField("label", meta.label());
      g.writeArrayFieldStart("bbox");
      for (double v : new double[] {b.x(), b.y(), b.width(), b.height()}) number(g, v);
      g.writeEndArray();
      for (Map.Entry<String, Object> e : meta.attributes().entrySet()) field(g, e.getKey(), e.getValue());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void field(JsonGenerator g, String key, Object value) throws IOException {
    g.writeFieldName(key);
    JsonValues.write(g, value);
  }

  static void number(JsonGenerator g, double v) throws IOException {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) g.writeNumber((long) v); else g.writeNumber(v);
  }
}
