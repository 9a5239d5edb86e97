package org.trainset.inspect.rules;

import org.trainset.core.io.ConfigFiles;
import org.trainset.core.issue.Severity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.trainset.core.io.InputException;
import org.trainset.core.io.Json;
import org.trainset.core.io.ParseLimits;

/**
 * Loads rule packs: the built-in family packs by id ({@code aihub.sidewalk}) or a YAML/JSON file
 * (see docs/rules.md for the layout).
 */
public final class RulePacks {
  private static final String BUILTIN_DIR = "/org/trainset/inspect/packs/";

  private RulePacks() {}

  /** The ids of the packs shipped with trainset. */
  public static List<String> builtinIds() throws IOException {
    try (InputStream in = RulePacks.class.getResourceAsStream(BUILTIN_DIR + "packs.list")) {
      if (in == null) return List.of();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
  }

  /** A file when {@code nameOrFile} is an existing path, else the built-in pack of that id. */
  public static RulePack load(String nameOrFile) throws IOException {
    Path p = Path.of(nameOrFile);
    if (Files.isRegularFile(p)) return loadFile(p);
    return builtin(nameOrFile);
  }

  public static RulePack builtin(String id) throws IOException {
    if (!builtinIds().contains(id)) {
      throw new InputException(Path.of(id), "rule-pack",
          "no such pack file, and not a built-in pack; built-ins: " + String.join(", ", builtinIds()));
    }
    try (InputStream in = RulePacks.class.getResourceAsStream(BUILTIN_DIR + id + ".yaml")) {
      if (in == null) throw new IllegalStateException("built-in pack " + id + " is listed but missing");
      return parse(Path.of("builtin:" + id), in.readAllBytes(), true);
    }
  }

  public static RulePack loadFile(Path file) throws IOException {
    ConfigFiles.LIMITS.checkFileSize(file);
    return parse(file, Files.readAllBytes(file), !ConfigFiles.isJson(file));
  }

  /** Parses a pack document (YAML or JSON) and builds its rules with {@code types}. */
  public static RulePack parse(Path origin, byte[] bytes, boolean yaml) throws IOException {
    return parse(origin, bytes, yaml, RuleTypes.installed());
  }

  public static RulePack parse(Path origin, byte[] bytes, boolean yaml, RuleTypes types)
      throws IOException {
    JsonNode root = ConfigFiles.parse(origin, bytes, yaml, ConfigFiles.LIMITS);
    if (root == null || !root.isObject()) throw new InputException(origin, "rule-pack", "a pack is a map with 'pack' and 'rules'");
    String id = text(root, "pack", origin.getFileName().toString());
    JsonNode rules = root.get("rules");
    if (rules == null || !rules.isArray()) throw new InputException(origin, "rule-pack", "'rules' must be a list");
    List<RulePack.Entry> entries = new ArrayList<>();
    PackVocabulary.Builder vocabulary = new PackVocabulary.Builder();
    Set<String> ids = new HashSet<>();
    int index = 0;
    for (JsonNode r : rules) {
      index++;
      if (!r.isObject()) throw new InputException(origin, "rule-pack", "rule #" + index + " is not a map");
      ObjectNode params = ((ObjectNode) r).deepCopy();
      String ruleId = take(params, "id", null);
      String type = take(params, "type", null);
      if (ruleId == null || type == null) {
        throw new InputException(origin, "rule-pack", "rule #" + index + " needs 'id' and 'type'");
      }
      if (!ids.add(ruleId)) throw new InputException(origin, "rule-pack", "rule id '" + ruleId + "' used twice");
      String sev = take(params, "severity", "error");
      Severity severity;
      try {
        severity = Severity.parse(sev);
      } catch (IllegalArgumentException e) {
        throw new InputException(origin, "rule-pack", "rule '" + ruleId + "': " + e.getMessage());
      }
      JsonNode when = params.remove("when");
      params.remove("description");
      vocabulary.rule(params, when);
      RuleSpec spec = new RuleSpec(origin, ruleId, type, severity, params);
      ItemFilter filter = when == null ? ItemFilter.ALL : new ItemFilter(
          new RuleSpec(origin, ruleId, type, severity, whenNode(spec, when)).stringSetMap("when"));
      entries.add(new RulePack.Entry(types.create(spec), filter));
    }
    return new RulePack(id, text(root, "description", ""), entries, vocabulary.build());
  }

  private static ObjectNode whenNode(RuleSpec spec, JsonNode when) throws InputException {
    if (!when.isObject()) throw spec.error("'when' must map item attributes to allowed values");
    ObjectNode wrapper = new ObjectMapper().createObjectNode();
    wrapper.set("when", when);
    return wrapper;
  }

  private static String take(ObjectNode node, String key, String fallback) {
    JsonNode v = node.remove(key);
    return v == null || v.isNull() ? fallback : v.asText();
  }

  private static String text(JsonNode node, String key, String fallback) {
    JsonNode v = node.get(key);
    return v == null || v.isNull() ? fallback : v.asText();
  }
}
