package org.trainset.families.ocr;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trainset.core.io.InputException;
import org.trainset.core.io.Json;
import org.trainset.core.json.JsonValues;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaKind;
import org.trainset.core.model.MediaRef;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.issue.Issue;
import org.trainset.core.issue.Severity;
import org.trainset.core.spi.ReadOptions;

/**
 * Reads one {@code *_data_info.json} in two streaming passes: the first keeps the image table
 * (the one index this COCO-like layout needs) and checks whether annotations come grouped in
 * image order, as released; the second streams annotations and emits each image's item as soon
 * as its group ends. Only when annotations are out of image order are they buffered per image.
 */
final class OcrCursor implements ItemCursor {
  private final Path file;
  private final String idPrefix;
  private final ReadOptions options;
  private final MediaIndex media;
  private final ObjectMapper mapper;
  private final List<OcrImage> images = new ArrayList<>();
  private final Map<String, Integer> index = new HashMap<>();
  private boolean grouped = true;
  private JsonParser parser;
  private int nextImage;
  private JsonNode pending;
  private JsonLocation pendingAt;
  private Map<Integer, List<Annotation>> buffered;

  OcrCursor(Path file, String idPrefix, Path root, ReadOptions options) throws IOException {
    this.file = file;
    this.idPrefix = idPrefix;
    this.options = options;
    this.media = new MediaIndex(root, options.problems());
    this.mapper = Json.mapper(options.limits());
    firstPass();
    parser = openAt("annotations");
    if (!grouped) buffered = bufferAll();
  }

  private void firstPass() throws IOException {
    int last = -1;
    try (JsonParser p = openAt("images")) {
      if (p != null) {
        while (p.nextToken() == JsonToken.START_OBJECT) images.add(image(p));
      }
    }
    try (JsonParser p = openAt("annotations")) {
      if (p == null) return;
      while (p.nextToken() == JsonToken.START_OBJECT) {
        JsonLocation at = p.currentTokenLocation();
        JsonNode a = read(p);
        Integer i = index.get(OcrAnnotations.imageId(a, file, at));
        if (i == null) continue;
        if (i < last) grouped = false;
        last = i;
      }
      Json.requireEnd(p, file);
    } catch (JsonProcessingException e) {
      throw Json.inputError(file, e);
    }
  }

  private OcrImage image(JsonParser p) throws IOException {
    JsonLocation at = p.currentTokenLocation();
    JsonNode n = read(p);
    JsonNode id = n.get("id");
    if (id == null || id.isNull() || id.isContainerNode()) {
      throw OcrAnnotations.error(file, at, "ocr-image-id", "image without an id");
    }
    String key = id.asText();
    if (index.putIfAbsent(key, images.size()) != null) {
      throw OcrAnnotations.error(file, at, "ocr-duplicate-image", "image id " + key + " appears twice");
    }
    Map<String, Object> extra = new LinkedHashMap<>();
    n.fields().forEachRemaining(e -> {
      if (!List.of("id", "width", "height", "file_name").contains(e.getKey())) {
        extra.put(e.getKey(), JsonValues.toJava(e.getValue()));
      }
    });
    Integer w = n.path("width").isNumber() ? n.get("width").intValue() : null;
    Integer h = n.path("height").isNumber() ? n.get("height").intValue() : null;
    return new OcrImage(key, n.path("file_name").asText(""), w, h, extra);
  }

  private JsonNode read(JsonParser p) throws IOException {
    try {
      return mapper.readTree(p);
    } catch (JsonProcessingException e) {
      throw Json.inputError(file, e);
    }
  }

  /** A parser positioned on the START_ARRAY of top-level {@code field}, or null if absent. */
  private JsonParser openAt(String field) throws IOException {
    JsonParser p = Json.open(file, options.limits());
    try {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw Json.inputError(file, p, "ocr-layout", "the file must hold one JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if (name.equals(field)) {
          if (t != JsonToken.START_ARRAY) throw Json.inputError(file, p, "ocr-layout", field + " must be an array");
          return p;
        }
        p.skipChildren();
      }
    } catch (JsonProcessingException e) {
      p.close();
      throw Json.inputError(file, e);
    }
    try (p) {
      Json.requireEnd(p, file);
    }
    return null;
  }

  private Map<Integer, List<Annotation>> bufferAll() throws IOException {
    Map<Integer, List<Annotation>> map = new HashMap<>();
    JsonNode a;
    while ((a = nextAnnotation()) != null) {
      Integer i = imageOf(a, pendingAt);
      if (i != null) map.computeIfAbsent(i, k -> new ArrayList<>()).add(OcrAnnotations.parse(a, file, pendingAt));
    }
    return map;
  }

  private JsonNode nextAnnotation() throws IOException {
    if (parser == null) return null;
    try {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        parser.close();
        parser = null;
        return null;
      }
      pendingAt = parser.currentTokenLocation();
      return mapper.readTree(parser);
    } catch (JsonProcessingException e) {
      throw Json.inputError(file, e);
    }
  }

  /** The image index an annotation belongs to; a dangling reference is a recoverable problem. */
  private Integer imageOf(JsonNode a, JsonLocation at) throws IOException {
    String imageId = OcrAnnotations.imageId(a, file, at);
    Integer i = index.get(imageId);
    if (i == null) {
      options.problems().report(Issue.at(Severity.ERROR, "dangling-image", file.toString(), at.getLineNr(), null, a.path("id").asText(null), "annotation refers to image " + imageId + ", which is not in images[]"));
    }
    return i;
  }

  @Override public Item next() throws IOException {
    if (nextImage >= images.size()) {
      // Anything left after the last image's group can only refer to unknown images.
      while (grouped && (pending != null || (pending = nextAnnotation()) != null)) {
        imageOf(pending, pendingAt);
        pending = null;
      }
      return null;
    }
    int current = nextImage++;
    List<Annotation> anns;
    if (!grouped) {
      anns = buffered.getOrDefault(current, List.of());
    } else {
      anns = new ArrayList<>();
      while (true) {
        if (pending == null && (pending = nextAnnotation()) == null) break;
        Integer i = imageOf(pending, pendingAt);
        if (i == null) {
          pending = null;
          continue;
        }
        if (i != current) break;
        anns.add(OcrAnnotations.parse(pending, file, pendingAt));
        pending = null;
      }
    }
    return item(images.get(current), anns);
  }

  private Item item(OcrImage img, List<Annotation> anns) throws IOException {
    String path = media.resolve(img.fileName());
    MediaRef ref = new MediaRef(MediaKind.IMAGE, path, img.width(), img.height(), Map.of());
    return new Item(idPrefix + img.id(), null, List.of(ref), img.extra(), anns);
  }

  @Override public void close() throws IOException {
    if (parser != null) parser.close();
  }
}
