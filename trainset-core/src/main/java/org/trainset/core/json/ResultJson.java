package org.trainset.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Building the JSON of service results ({@code Result.toJson()}): one mapper, camelCase keys by
 * convention. The CLI prints these trees with {@code --json}; the server returns them as they are.
 */
public final class ResultJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ResultJson() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** A map of counts or settings as a JSON object (keys in the map's order). */
  public static ObjectNode fromMap(Map<String, ?> map) {
    return MAPPER.valueToTree(map);
  }

  /** A JSON-typed value (String, Number, Boolean, List, Map, null) as a node. */
  public static JsonNode value(Object value) {
    return MAPPER.valueToTree(value);
  }

  /** Compact text of a node. */
  public static String write(JsonNode node) {
    return node.toString();
  }
}
