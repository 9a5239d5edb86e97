package org.trainset.eval.coco;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.trainset.core.io.InputException;
import org.trainset.core.io.Json;
import org.trainset.core.io.ParseLimits;

/**
 * Streams the elements of JSON arrays one object at a time (a COCO file's {@code images},
 * {@code annotations}, {@code categories}, or a results file's top-level list), so no tree of the
 * whole file is built; each element arrives with the line it starts on.
 */
final class JsonElements {
  interface Visitor {
    void element(String array, JsonNode node, long line) throws IOException;
  }

  private JsonElements() {}

  /** Top-level object: visits elements of each array-valued key; other keys are skipped. */
  static void ofObject(Path file, ParseLimits limits, Visitor v) throws IOException {
    ObjectMapper mapper = Json.mapper(limits);
    try (JsonParser p = Json.open(file, limits)) {
      p.setCodec(mapper);
      if (p.nextToken() != JsonToken.START_OBJECT) throw Json.inputError(file, p, "coco-json", "expected a JSON object");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        if (p.nextToken() == JsonToken.START_ARRAY) {
          elements(file, p, key, v);
        } else {
          p.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      throw Json.inputError(file, e);
    }
  }

  /** Top-level array. */
  static void ofArray(Path file, ParseLimits limits, Visitor v) throws IOException {
    ObjectMapper mapper = Json.mapper(limits);
    try (JsonParser p = Json.open(file, limits)) {
      p.setCodec(mapper);
      if (p.nextToken() != JsonToken.START_ARRAY) throw Json.inputError(file, p, "coco-results", "a COCO results file is a JSON array");
      elements(file, p, "", v);
    } catch (JsonProcessingException e) {
      throw Json.inputError(file, e);
    }
  }

  private static void elements(Path file, JsonParser p, String key, Visitor v) throws IOException {
    while (p.nextToken() != JsonToken.END_ARRAY) {
      long line = p.currentTokenLocation().getLineNr();
      if (p.currentToken() != JsonToken.START_OBJECT) {
        if (!key.isEmpty() && !isCocoArray(key)) {
          p.skipChildren();
          continue;
        }
        throw new InputException(file, line, -1, "coco-json", "'" + (key.isEmpty() ? "results" : key) + "' entries must be objects");
      }
      JsonNode node = p.readValueAsTree();
      v.element(key, node, line);
    }
  }

  private static boolean isCocoArray(String key) {
    return key.equals("images") || key.equals("annotations") || key.equals("categories");
  }
}
