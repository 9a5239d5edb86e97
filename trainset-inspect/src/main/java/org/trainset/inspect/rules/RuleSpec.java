package org.trainset.inspect.rules;

import org.trainset.core.issue.Severity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trainset.core.io.InputException;

/**
 * One rule entry of a pack as written: id, type, severity and the type's own parameters. The
 * accessors turn missing or mistyped parameters into an {@link InputException} that names the
 * pack and the rule, so a typo in a pack is reported where it is.
 *
 * @param pack   the pack file (or {@code builtin:<id>}) the rule came from
 * @param id     the rule's id, unique in its pack
 * @param type   the rule type's registered name ({@code min-size}, ...)
 * @param severity severity of its findings
 * @param params every other key of the entry
 */
public record RuleSpec(Path pack, String id, String type, Severity severity, ObjectNode params) {

  public InputException error(String detail) {
    return new InputException(pack, "rule-pack", "rule '" + id + "' (" + type + "): " + detail);
  }

  public boolean has(String key) {
    return params.hasNonNull(key);
  }

  public JsonNode node(String key) {
    return params.get(key);
  }

  public String string(String key) throws InputException {
    JsonNode n = params.get(key);
    if (n == null || !n.isValueNode()) throw error("needs '" + key + "' (text)");
    return n.asText();
  }

  public String string(String key, String fallback) {
    JsonNode n = params.get(key);
    return n == null || n.isNull() ? fallback : n.asText();
  }

  public double number(String key) throws InputException {
    JsonNode n = params.get(key);
    if (n == null || !n.isNumber()) throw error("needs '" + key + "' (number)");
    return n.asDouble();
  }

  public double number(String key, double fallback) throws InputException {
    return has(key) ? number(key) : fallback;
  }

  public boolean flag(String key, boolean fallback) throws InputException {
    JsonNode n = params.get(key);
    if (n == null || n.isNull()) return fallback;
    if (!n.isBoolean()) throw error("'" + key + "' must be true or false");
    return n.asBoolean();
  }

  /** A list of texts; a single text counts as a list of one; empty when absent. */
  public List<String> strings(String key) throws InputException {
    return strings(params.get(key), key);
  }

  /** A required, non-empty list of texts. */
  public List<String> requiredStrings(String key) throws InputException {
    List<String> out = strings(key);
    if (out.isEmpty()) throw error("needs '" + key + "' (a non-empty list)");
    return out;
  }

  public Set<String> stringSet(String key) throws InputException {
    return new LinkedHashSet<>(strings(key));
  }

  /** A map from text to number ({@code {car: 32, bus: 32}}); empty when absent. */
  public Map<String, Double> numberMap(String key) throws InputException {
    Map<String, Double> out = new LinkedHashMap<>();
    JsonNode n = params.get(key);
    if (n == null || n.isNull()) return out;
    if (!n.isObject()) throw error("'" + key + "' must be a map of numbers");
    var it = n.fields();
    while (it.hasNext()) {
      var e = it.next();
      if (!e.getValue().isNumber()) throw error("'" + key + "." + e.getKey() + "' must be a number");
      out.put(e.getKey(), e.getValue().asDouble());
    }
    return out;
  }

  /** A map from text to a list of texts ({@code {class: [word, character]}}); empty when absent. */
  public Map<String, Set<String>> stringSetMap(String key) throws InputException {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    JsonNode n = params.get(key);
    if (n == null || n.isNull()) return out;
    if (!n.isObject()) throw error("'" + key + "' must be a map");
    var it = n.fields();
    while (it.hasNext()) {
      var e = it.next();
      out.put(e.getKey(), new LinkedHashSet<>(strings(e.getValue(), key + "." + e.getKey())));
    }
    return out;
  }

  public List<String> strings(JsonNode n, String key) throws InputException {
    List<String> out = new ArrayList<>();
    if (n == null || n.isNull()) return out;
    if (n.isValueNode()) {
      out.add(n.asText());
      return out;
    }
    if (!n.isArray()) throw error("'" + key + "' must be a list");
    for (JsonNode e : n) {
      if (!e.isValueNode()) throw error("'" + key + "' must hold plain values");
      out.add(e.asText());
    }
    return out;
  }
}
