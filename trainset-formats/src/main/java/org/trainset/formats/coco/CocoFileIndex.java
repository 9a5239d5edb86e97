package org.trainset.formats.coco;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trainset.core.io.InputException;
import org.trainset.core.io.Json;
import org.trainset.core.io.ParseLimits;
import org.trainset.core.json.JsonValues;

/**
 * What planning learns about one COCO file in a single skimming pass ({@link TopLevelSkimmer}):
 * where its images and annotations arrays are, its categories, and its info/licences. Images and
 * annotations are skipped, not parsed, so planning a 1 GB file is fast and needs little memory.
 */
record CocoFileIndex(String path, long size, Region images, Region annotations, List<Region> annotationChunks,
                     List<Category> categories,
                     Map<String, Object> info, List<Object> licenses)
    implements Serializable {

  /**
   * A COCO category; {@code skeleton} edges as written in the file; {@code isthing} is the
   * panoptic flag (thing or stuff), null when the file does not say.
   */
  record Category(long id, String name, String supercategory, List<String> keypoints,
                  List<int[]> skeleton, Boolean isthing) implements Serializable {}

  Path file() {
    return Path.of(path);
  }

  /** This index with its path opened through {@code storage} (itself on the local file system). */
  CocoFileIndex on(org.trainset.core.spi.Storage storage) throws IOException {
    if (storage == org.trainset.core.spi.Storage.LOCAL) return this;
    return new CocoFileIndex(storage.local(path).toString(), size, images, annotations, annotationChunks,
        categories, info, licenses);
  }

  static CocoFileIndex scan(Path file, ParseLimits limits) throws IOException {
    TopLevelSkimmer.Result skim = TopLevelSkimmer.skim(file, limits);
    Map<String, Region> regions = skim.regions();
    if (!regions.containsKey("images")) {
      throw new InputException(file, 1, 1, "coco-structure", "not a COCO dataset: no \"images\" key");
    }
    Region images = array(file, limits, regions.get("images"), "images");
    Region annotations = array(file, limits, regions.get("annotations"), "annotations");
    List<Category> categories = new ArrayList<>();
    Map<String, Object> info = null;
    List<Object> licenses = null;
    JsonNode cats = tree(file, limits, regions.get("categories"));
    if (cats != null && !cats.isNull()) {
      if (!cats.isArray()) throw regions.get("categories").error(file, location(1, 1), "coco-structure", "\"categories\" must be an array");
      for (JsonNode c : cats) categories.add(category(file, regions.get("categories").line(), c));
    }
    JsonNode infoNode = tree(file, limits, regions.get("info"));
    if (infoNode != null && infoNode.isObject()) info = JsonValues.toMap(infoNode);
    JsonNode lic = tree(file, limits, regions.get("licenses"));
    if (lic != null && lic.isArray()) licenses = new ArrayList<>((List<?>) JsonValues.toJava(lic));
    return new CocoFileIndex(file.toAbsolutePath().toString(), Files.size(file), images, annotations,
        annotations == null ? List.of() : skim.annotationChunks(), List.copyOf(categories), info, licenses);
  }

  private static JsonLocation location(long line, long col) {
    return new JsonLocation(null, -1, (int) line, (int) col);
  }

  /** The region if its value is an array; null when absent or null; an error otherwise. */
  private static Region array(Path file, ParseLimits limits, Region r, String key) throws IOException {
    if (r == null) return null;
    try (JsonParser p = parserAt(file, limits, r)) {
      JsonToken t = p.nextToken();
      if (t == JsonToken.VALUE_NULL) return null;
      if (t != JsonToken.START_ARRAY) throw r.error(file, p.currentTokenLocation(), "coco-structure", "\"" + key + "\" must be an array");
      return r;
    } catch (JsonProcessingException e) {
      throw r.syntaxError(file, e);
    }
  }

  private static JsonNode tree(Path file, ParseLimits limits, Region r) throws IOException {
    if (r == null) return null;
    try (JsonParser p = parserAt(file, limits, r)) {
      p.nextToken();
      return Json.mapper(limits).readTree(p);
    } catch (JsonProcessingException e) {
      throw r.syntaxError(file, e);
    }
  }

  private static JsonParser parserAt(Path file, ParseLimits limits, Region r) throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
    ch.position(r.offset());
    return Json.factory(limits).createParser(new BufferedInputStream(Channels.newInputStream(ch), 1 << 14));
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
    JsonNode thing = c.get("isthing");
    Boolean isthing = thing == null || thing.isNull() ? null : thing.asInt(0) == 1 || thing.asBoolean(false);
    return new Category(id.longValue(), c.path("name").asText(""), supercategory,
        List.copyOf(keypoints), List.copyOf(skeleton), isthing);
  }
}
