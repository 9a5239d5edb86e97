package org.trainset.formats.coco;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.trainset.core.io.ParseLimits;
import org.trainset.core.json.JsonValues;

/**
 * The images pass over one file: each image object into the {@link ImageTable}, its COCO id
 * into the id → number map. Read field by field from Jackson's token stream: common scalars
 * (strings, integers, booleans, null) are converted straight from the token, the way
 * {@link JsonValues#toJava} would convert their tree, and only other values (floats, big
 * integers, nested values) go through a tree. A tree per image made this pass, though a few
 * percent of the bytes, about a sixth of the read's time on one core.
 */
final class ImageReader {
  /** Where a problem goes (the cursor's problem sink). */
  interface Reporter {
    void report(String rule, Path file, long line, String item, String message) throws IOException;
  }

  private final ObjectMapper mapper;
  private final ParseLimits limits;
  private final Reporter reporter;

  ImageReader(ObjectMapper mapper, ParseLimits limits, Reporter reporter) {
    this.mapper = mapper;
    this.limits = limits;
    this.reporter = reporter;
  }

  /** Reads the file's images into {@code table}; returns the id map and adds the bytes read to {@code bytes[0]}. */
  ImageTable.LongIntMap read(CocoFileIndex index, ImageTable table, Map<String, Integer> byName, long[] bytes)
      throws IOException {
    ImageTable.LongIntMap ids = new ImageTable.LongIntMap();
    if (index.images() == null) return ids;
    Path file = index.file();
    try (Region.Opened r = index.images().open(file, limits)) {
      JsonParser p = r.parser();
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
        JsonLocation at = p.currentTokenLocation();
        long line = index.images().lineOf(at);
        image(p, file, line, table, byName, ids);
      }
      if (t != JsonToken.END_ARRAY) {
        throw index.images().error(file, p.currentTokenLocation(), "coco-structure", "\"images\" must hold objects");
      }
      bytes[0] += p.currentLocation().getByteOffset();
    } catch (JsonProcessingException e) {
      throw index.images().syntaxError(file, e);
    }
    return ids;
  }

  /** One image object (its '{' is the current token), as the tree-based reading did it. */
  private void image(JsonParser p, Path file, long line, ImageTable table, Map<String, Integer> byName,
                     ImageTable.LongIntMap ids) throws IOException {
    JsonNode id = null;
    JsonNode width = null;
    JsonNode height = null;
    JsonNode name = null;
    // every key in first-seen order with its last value, as an object tree keeps duplicates
    Map<String, Object> others = new LinkedHashMap<>();
    String key;
    while ((key = p.nextFieldName()) != null) {
      JsonToken v = p.nextToken();
      switch (key) {
        case "id" -> id = node(p, v);
        case "file_name" -> name = node(p, v);
        case "width" -> width = node(p, v);
        case "height" -> height = node(p, v);
        default -> others.put(key, value(p, v));
      }
    }
    if (id == null || !id.isIntegralNumber()) {
      reporter.report("coco-image", file, line, null, "image without an integer \"id\"");
      return;
    }
    if (name == null || !name.isTextual() || name.textValue().isEmpty()) {
      reporter.report("coco-image", file, line, null, "image " + id + " has no \"file_name\"");
      return;
    }
    String fileName = name.textValue();
    Integer number = byName == null ? null : byName.get(fileName);
    if (number == null) {
      Integer w = size(width, "width", file, line, fileName);
      Integer h = size(height, "height", file, line, fileName);
      Map<String, Object> attrs = new LinkedHashMap<>();
      attrs.put("id", id.longValue());
      attrs.putAll(others);
      number = table.add(new ImageTable.Image(fileName, w, h, attrs));
      if (byName != null) byName.put(fileName, number);
    }
    ids.put(id.longValue(), number);
  }

  /** The current value as a tree (the four keys the checks look at; each is small). */
  private JsonNode node(JsonParser p, JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_STRING) return mapper.getNodeFactory().textNode(p.getText());
    if (v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
      return mapper.getNodeFactory().numberNode(p.getIntValue());
    }
    if (v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.LONG) {
      return mapper.getNodeFactory().numberNode(p.getLongValue());
    }
    return mapper.readTree(p);
  }

  /** The current value as {@link JsonValues#toJava} gives it for its tree. */
  private Object value(JsonParser p, JsonToken v) throws IOException {
    return switch (v) {
      case VALUE_STRING -> p.getText();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      case VALUE_NUMBER_INT -> p.getNumberType() != JsonParser.NumberType.BIG_INTEGER ? (Object) p.getLongValue()
          : JsonValues.toJava(mapper.readTree(p));
      default -> JsonValues.toJava(mapper.readTree(p));
    };
  }

  private Integer size(JsonNode v, String key, Path file, long line, String item) throws IOException {
    if (v == null || v.isNull()) return null;
    if (!v.isNumber() || !Double.isFinite(v.doubleValue()) || v.doubleValue() < 0
        || v.doubleValue() != Math.rint(v.doubleValue()) || v.doubleValue() > Integer.MAX_VALUE) {
      reporter.report("bad-size", file, line, item, "image " + key + " " + v + " is not a non-negative integer");
      return null;
    }
    return v.intValue();
  }
}
