package org.trainset.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one mapping between JSON values and attribute values used everywhere: integral numbers
 * become {@link Long}, other numbers {@link Double}, objects ordered maps, arrays lists. Readers
 * that keep unknown keys as attributes go through here so values compare equal after a round trip.
 */
public final class JsonValues {
  private JsonValues() {}

  public static Object toJava(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) return null;
    if (n.isTextual()) return n.textValue();
    if (n.isBoolean()) return n.booleanValue();
    if (n.isIntegralNumber()) {
      return n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue().toString();
    }
    if (n.isNumber()) return n.doubleValue();
    if (n.isArray()) {
      List<Object> list = new ArrayList<>(n.size());
      for (JsonNode e : n) list.add(toJava(e));
      return list;
    }
    if (n.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        map.put(e.getKey(), toJava(e.getValue()));
      }
      return map;
    }
    return n.asText();
  }

  /** Normalises a Java value to the attribute convention (Integer → Long, Float → Double). */
  public static Object normalise(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
    if (v instanceof Float) return ((Float) v).doubleValue();
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object e : l) out.add(normalise(e));
      return out;
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, val) -> out.put(String.valueOf(k), normalise(val)));
      return out;
    }
    return v;
  }

  public static void write(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof Number num) {
      g.writeNumber(num.doubleValue());
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof Iterable<?> it) {
      g.writeStartArray();
      for (Object e : it) write(g, e);
      g.writeEndArray();
    } else {
      g.writeString(v.toString());
    }
  }

  public static void writeMap(JsonGenerator g, Map<String, Object> m) throws IOException {
    write(g, m);
  }

  /** A map from a JSON object node, or empty for null/missing. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> toMap(JsonNode n) {
    Object v = toJava(n);
    return v instanceof Map<?, ?> ? (Map<String, Object>) v : Map.of();
  }
}
