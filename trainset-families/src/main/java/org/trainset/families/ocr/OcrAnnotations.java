package org.trainset.families.ocr;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.trainset.core.io.InputException;
import org.trainset.core.json.JsonValues;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Box;
import org.trainset.core.model.Caption;

/**
 * One entry of {@code annotations[]} as a model annotation. With a {@code bbox} it is a
 * {@link Box} labelled by {@code attributes.class} (word / character / ignored) with the
 * transcription as attribute {@code text} (absent when null); without one it is a whole-image
 * crop's {@link Caption} labelled by {@code attributes.type} (printed / handwritten crops).
 */
final class OcrAnnotations {
  static final String TEXT = "text";
  static final String CLASS = "class";
  static final String TYPE = "type";
  static final String EXTRA = "extra";
  private static final Set<String> KNOWN = Set.of("id", "image_id", "text", "attributes", "bbox");

  private OcrAnnotations() {}

  static String imageId(JsonNode a, Path file, JsonLocation at) throws InputException {
    JsonNode id = a.get("image_id");
    if (id == null || id.isNull() || id.isContainerNode()) {
      throw error(file, at, "ocr-image-id", "annotation " + a.path("id").asText("?") + " has no image_id");
    }
    return id.asText();
  }

  static Annotation parse(JsonNode a, Path file, JsonLocation at) throws InputException {
    JsonNode idNode = a.get("id");
    String id = idNode == null || idNode.isNull() ? null : idNode.asText();
    JsonNode textNode = a.get("text");
    if (textNode != null && !textNode.isNull() && !textNode.isTextual()) {
      throw error(file, at, "ocr-text", "annotation " + id + ": text must be a string or null, got " + textNode);
    }
    String text = textNode == null || textNode.isNull() ? null : textNode.textValue();
    Map<String, Object> attrs = new LinkedHashMap<>();
    JsonNode attributes = a.get("attributes");
    if (attributes != null && attributes.isObject()) attrs.putAll(JsonValues.toMap(attributes));
    Map<String, Object> extra = new LinkedHashMap<>();
    for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!KNOWN.contains(k)) extra.put(k, JsonValues.toJava(a.get(k)));
    }
    if (!extra.isEmpty()) attrs.put(EXTRA, extra);
    JsonNode bbox = a.get("bbox");
    if (bbox == null || bbox.isNull()) {
      Object type = attrs.remove(TYPE);
      String label = type == null ? "" : type.toString();
      return new Caption(new AnnotationMeta(id, label, attrs, null, 0, false, null), text == null ? "" : text);
    }
    if (!bbox.isArray() || bbox.size() != 4 || !allNumbers(bbox)) {
      throw error(file, at, "ocr-bbox", "annotation " + id + ": bbox must be [x, y, w, h] numbers, got " + bbox);
    }
    Object cls = attrs.remove(CLASS);
    Map<String, Object> withText = new LinkedHashMap<>();
    if (text != null) withText.put(TEXT, text);
    withText.putAll(attrs);
    AnnotationMeta meta = new AnnotationMeta(id, cls == null ? "" : cls.toString(), withText, null, 0, false, null);
    return new Box(meta, bbox.get(0).asDouble(), bbox.get(1).asDouble(), bbox.get(2).asDouble(), bbox.get(3).asDouble());
  }

  private static boolean allNumbers(JsonNode arr) {
    for (JsonNode n : arr) {
      if (!n.isNumber()) return false;
    }
    return true;
  }

  static InputException error(Path file, JsonLocation at, String rule, String detail) {
    return new InputException(file, at == null ? -1 : at.getLineNr(), at == null ? -1 : at.getColumnNr(), null, rule,
        detail, null);
  }
}
