package org.trainset.formats.coco;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trainset.core.io.InputException;
import org.trainset.core.io.Json;
import org.trainset.core.io.ParseLimits;
import org.trainset.core.json.JsonValues;

/**
 * What planning learns about one COCO file in a single skimming pass: where its images and
 * annotations arrays are, its categories, and its info/licences. Annotations and images are
 * skipped, not built, so planning a 1 GB file costs one tokenising pass and little memory.
 */
record CocoFileIndex(String path, long size, Region images, Region annotations, List<Category> categories,
                     Map<String, Object> info, List<Object> licenses)
    implements Serializable {

  /** A COCO category; {@code skeleton} edges as written in the file. */
  record Category(long id, String name, String supercategory, List<String> keypoints,
                  List<int[]> skeleton) implements Serializable {}

  Path file() {
    return Path.of(path);
  }

  static CocoFileIndex scan(Path file, ParseLimits limits) throws IOException {
    ObjectMapper mapper = Json.mapper(limits);
    Region images = null;
    Region annotations = null;
    List<Category> categories = new ArrayList<>();
    Map<String, Object> info = null;
    List<Object> licenses = null;
    try (JsonParser p = Json.open(file, limits)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw Json.inputError(file, p, "coco-not-object", "a COCO dataset is a JSON object"
            + " (a top-level array is a COCO results file, not a dataset)");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken t = p.nextToken();
        switch (key) {
          case "images", "annotations" -> {
            if (t != JsonToken.START_ARRAY) throw Json.inputError(file, p, "coco-structure", "\"" + key + "\" must be an array");
            if (key.equals("images")) images = Region.at(p); else annotations = Region.at(p);
            p.skipChildren();
          }
          case "categories" -> {
            if (t != JsonToken.START_ARRAY) throw Json.inputError(file, p, "coco-structure", "\"categories\" must be an array");
            while (p.nextToken() == JsonToken.START_OBJECT) {
              long line = p.currentTokenLocation().getLineNr();
              categories.add(category(file, line, mapper.readTree(p)));
            }
          }
          case "info" -> info = t == JsonToken.START_OBJECT ? JsonValues.toMap(mapper.readTree(p)) : skip(p);
          case "licenses" -> licenses = t == JsonToken.START_ARRAY
              ? new ArrayList<>((List<?>) JsonValues.toJava(mapper.readTree(p))) : skip(p);
          default -> p.skipChildren();
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT) {
        throw Json.inputError(file, p, "coco-structure", "unexpected " + p.currentToken());
      }
    } catch (JsonProcessingException e) {
      throw Json.inputError(file, e);
    }
    return new CocoFileIndex(file.toAbsolutePath().toString(), Files.size(file), images, annotations,
        List.copyOf(categories), info, licenses);
  }

  private static <T> T skip(JsonParser p) throws IOException {
    p.skipChildren();
    return null;
  }

  private static Category category(Path file, long line, JsonNode c) throws InputException {
    JsonNode id = c.get("id");
    if (id == null || !id.isIntegralNumber()) {
      throw new InputException(file, line, -1, "coco-category", "category without an integer \"id\"");
    }
    List<String> keypoints = new ArrayList<>();
    for (JsonNode k : c.path("keypoints")) keypoints.add(k.asText());
    List<int[]> skeleton = new ArrayList<>();
    for (JsonNode e : c.path("skeleton")) {
      if (e.size() != 2) throw new InputException(file, line, -1, "coco-category", "skeleton edge must have two ends");
      skeleton.add(new int[] {e.get(0).asInt(), e.get(1).asInt()});
    }
    String supercategory = c.path("supercategory").asText("");
    return new Category(id.longValue(), c.path("name").asText(""), supercategory,
        List.copyOf(keypoints), List.copyOf(skeleton));
  }
}
