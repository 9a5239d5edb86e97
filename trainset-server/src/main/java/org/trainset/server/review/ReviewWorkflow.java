package org.trainset.server.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trainset.core.io.ConfigFiles;
import org.trainset.core.io.InputException;
import org.trainset.inspect.mqm.MqmConfig;
import org.trainset.inspect.review.SamplingPlan;
import org.trainset.inspect.review.Workflow;
import org.trainset.server.ApiException;
import org.trainset.server.auth.Role;
import org.trainset.server.http.Http;

/**
 * A project's review workflow as written in its YAML: inspect's {@link Workflow} (ordered stages,
 * their sampling plans, the quality policy that escalates workers to 100 %) plus what the platform
 * needs around it: who may do each stage, what it checks, stratified sampling, dual reading,
 * reviewer pairs, issue categories, gold matching and MQM scoring. Errors name the line and field.
 */
public record ReviewWorkflow(String yaml, Workflow workflow, List<StageRule> stages, List<String> issueCategories,
                             boolean reviewerOnlyComments, double goldMinIou, MqmConfig mqm) {

  /** Stage kinds: a verdict per item, two independent readings, or MQM scoring of translations. */
  public enum Kind { REVIEW, DUAL, MQM }

  /** The platform's part of one stage. */
  public record StageRule(String name, Kind kind, Set<Role> roles, Set<String> users, List<String> checks,
                          List<String> stratify, boolean selfReview, Map<String, String> pairs, double minIou,
                          boolean excludeDisagreements, String markedBy, boolean reducedAllowed) {
    /** True when {@code role}/{@code username} may work at this stage. */
    public boolean allows(Role role, String username) {
      return users.contains(username) || roles.contains(role);
    }
  }

  public static final List<String> DEFAULT_CATEGORIES = List.of("missing object", "wrong label", "wrong extent",
      "wrong attribute", "wrong text", "wrong time");
  static final List<String> CHECKS = List.of("all", "labels", "attributes", "geometry", "text", "time", "capture",
      "translation");
  /** Families with a preset reproducing the seed's review process. */
  public static final List<String> PRESETS = List.of("aihub.sidewalk", "aihub.cctv", "aihub.multimodal", "aihub.ocr",
      "aihub.motion", "aihub.face", "aihub.medical", "aihub.corpus", "aihub.objects", "aihub.xray", "generic");
  private static final Set<String> ROOT_KEYS = Set.of("workflow", "stages", "quality", "issues", "gold", "mqm");
  private static final Set<String> STAGE_KEYS = Set.of("name", "kind", "who", "checks", "sampling", "max-defect-rate",
      "self-review", "pairs", "dual",
      "reduced-allowed");

  public StageRule stage(String name) {
    return stages.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
  }

  public SamplingPlan sampling(String stage) {
    return workflow.stage(stage).orElseThrow().sampling();
  }

  /** The preset YAML of a family ({@code generic} when the family has none). */
  public static String presetYaml(String family) {
    String id = PRESETS.contains(family) ? family : "generic";
    try (InputStream in = ReviewWorkflow.class.getResourceAsStream("presets/" + id + ".yaml")) {
      if (in == null) throw new IllegalStateException("preset " + id + " is missing");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses and checks a workflow; a 400 naming line and field when it is wrong. */
  public static ReviewWorkflow parse(String yaml) {
    if (yaml.length() > 256 * 1024) throw ApiException.badRequest("yaml: larger than 256 KiB");
    JsonNode root;
    try {
      root = ConfigFiles.parse(Path.of("workflow.yaml"), yaml.getBytes(StandardCharsets.UTF_8), true, ConfigFiles.LIMITS);
    } catch (InputException e) {
      throw ApiException.badRequest("yaml: " + e.getMessage());
    } catch (IOException e) {
      throw ApiException.badRequest("yaml: " + e.getMessage());
    }
    return new Checker(yaml, YamlLines.of(yaml)).check(root);
  }

  /** Walks the tree, throwing "yaml: line N: field: rule" for the first problem. */
  private record Checker(String yaml, YamlLines lines) {
    ApiException error(List<Object> path, String rule) {
      StringBuilder field = new StringBuilder();
      for (Object p : path) {
        if (p instanceof Integer i) field.append('[').append(i).append(']');
        else field.append(field.length() == 0 ? "" : ".").append(p);
      }
      return ApiException.badRequest("yaml: line " + lines.line(path) + ": " + field + ": " + rule);
    }

    ReviewWorkflow check(JsonNode root) {
      if (root == null || !root.isObject()) throw error(List.of(), "a workflow is a map with 'stages'");
      unknownKeys(root, ROOT_KEYS, List.of());
      JsonNode st = root.get("stages");
      if (st == null || !st.isArray() || st.isEmpty()) throw error(List.of("stages"), "must be a non-empty list of stages");
      List<StageRule> rules = new ArrayList<>();
      Set<String> names = new java.util.HashSet<>();
      for (int i = 0; i < st.size(); i++) {
        StageRule r = stage(st.get(i), List.of("stages", i));
        if (!names.add(r.name())) throw error(List.of("stages", i, "name"), "stage '" + r.name() + "' appears twice");
        rules.add(r);
      }
      JsonNode issues = root.path("issues");
      List<String> categories = issues.has("categories") ? strings(issues.get("categories"), List.of("issues", "categories"))
          : DEFAULT_CATEGORIES;
      if (categories.isEmpty()) throw error(List.of("issues", "categories"), "needs at least one category");
      JsonNode q = root.path("quality");
      for (String k : List.of("threshold", "min-items", "window", "clean-streak")) {
        if (q.has(k) && !q.get(k).isNumber()) throw error(List.of("quality", k), "must be a number");
      }
      Workflow wf;
      try {
        wf = Workflow.parse(root);
      } catch (IllegalArgumentException e) {
        throw error(List.of("quality"), e.getMessage());
      }
      MqmConfig mqm;
      try {
        mqm = root.has("mqm") ? mqmConfig(root.get("mqm")) : MqmConfig.aihubCorpus();
      } catch (IllegalArgumentException e) {
        throw error(List.of("mqm"), e.getMessage());
      }
      double goldIou = root.path("gold").path("min-iou").asDouble(0.5);
      if (goldIou <= 0 || goldIou > 1) throw error(List.of("gold", "min-iou"), "must be in (0, 1]");
      return new ReviewWorkflow(yaml, wf, rules, categories, issues.path("reviewer-only").asBoolean(false), goldIou, mqm);
    }

    StageRule stage(JsonNode s, List<Object> at) {
      if (!s.isObject()) throw error(at, "a stage is a map with 'name'");
      unknownKeys(s, STAGE_KEYS, at);
      String name = s.path("name").asText("");
      if (!name.matches("[A-Za-z0-9][A-Za-z0-9 _-]{0,63}")) throw error(plus(at, "name"), "1-64 letters, digits, ' ', '_' or '-'");
      Kind kind;
      try {
        kind = Kind.valueOf(s.path("kind").asText("review").toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw error(plus(at, "kind"), "one of review, dual, mqm");
      }
      Set<Role> roles = EnumSet.noneOf(Role.class);
      Set<String> users = new java.util.TreeSet<>();
      List<String> who = s.has("who") ? strings(s.get("who"), plus(at, "who")) : List.of("reviewer", "manager", "admin");
      for (String w : who) {
        if (w.startsWith("user:")) users.add(w.substring(5));
        else {
          try {
            roles.add(Role.fromKey(w));
          } catch (IllegalArgumentException e) {
            throw error(plus(at, "who"), "'" + w + "' is not a role (admin, manager, annotator, reviewer) or user:NAME");
          }
        }
      }
      List<String> checks = s.has("checks") ? strings(s.get("checks"), plus(at, "checks")) : List.of("all");
      for (String c : checks) if (!CHECKS.contains(c)) throw error(plus(at, "checks"), "'" + c + "' is not one of " + CHECKS);
      List<String> stratify = List.of();
      JsonNode sampling = s.get("sampling");
      if (sampling != null && !sampling.isNull()) {
        boolean ok = sampling.isTextual() && sampling.asText().equals("all")
            || sampling.isObject() && (sampling.has("fraction") ^ sampling.has("aql"));
        if (!ok) throw error(plus(at, "sampling"), "must be 'all', {fraction: F, stratify: [worker, label]} or {aql: A}");
        if (sampling.has("fraction")) {
          double f = sampling.get("fraction").asDouble(-1);
          if (!(f > 0 && f <= 1)) throw error(plus(plus(at, "sampling"), "fraction"), "must be in (0, 1]");
        }
        if (sampling.has("aql")) {
          try {
            new SamplingPlan.Acceptance(sampling.get("aql").asDouble());
          } catch (IllegalArgumentException e) {
            throw error(plus(plus(at, "sampling"), "aql"), e.getMessage());
          }
        }
        if (sampling.has("stratify")) {
          stratify = strings(sampling.get("stratify"), plus(plus(at, "sampling"), "stratify"));
          for (String k : stratify) {
            if (!k.equals("worker") && !k.equals("label")) throw error(plus(plus(at, "sampling"), "stratify"), "'" + k + "': worker or label");
          }
        }
      }
      // ISO 2859-1 reduced inspection needs steady production and the responsible authority's approval
      boolean reducedAllowed = s.path("reduced-allowed").asBoolean(false);
      if (s.has("reduced-allowed") && !s.get("reduced-allowed").isBoolean()) throw error(plus(at, "reduced-allowed"), "true or false");
      if (reducedAllowed && (sampling == null || !sampling.has("aql"))) {
        throw error(plus(at, "reduced-allowed"), "only with ISO 2859-1 sampling ({aql: A})");
      }
      Map<String, String> pairs = new LinkedHashMap<>();
      if (s.has("pairs")) {
        if (!s.get("pairs").isObject()) throw error(plus(at, "pairs"), "a map worker -> reviewer (usernames)");
        s.get("pairs").fields().forEachRemaining(e -> pairs.put(e.getKey(), e.getValue().asText()));
      }
      JsonNode dual = s.path("dual");
      double minIou = dual.path("min-iou").asDouble(0.5);
      String disagreements = dual.path("disagreements").asText("adjudicate");
      if (!disagreements.equals("adjudicate") && !disagreements.equals("exclude")) {
        throw error(plus(plus(at, "dual"), "disagreements"), "adjudicate or exclude");
      }
      return new StageRule(name, kind, roles, users, checks, stratify, s.path("self-review").asBoolean(false), pairs,
          minIou, disagreements.equals("exclude"), dual.hasNonNull("only-marked") ? dual.get("only-marked").asText() : null,
          reducedAllowed);
    }

    List<String> strings(JsonNode n, List<Object> at) {
      if (n.isTextual()) return List.of(n.asText());
      if (!n.isArray()) throw error(at, "must be a list of strings");
      List<String> out = new ArrayList<>();
      for (int i = 0; i < n.size(); i++) {
        if (!n.get(i).isTextual() || n.get(i).asText().isBlank()) throw error(plus(at, i), "must be a non-empty string");
        out.add(n.get(i).asText());
      }
      return out;
    }

    void unknownKeys(JsonNode n, Set<String> known, List<Object> at) {
      n.fieldNames().forEachRemaining(k -> {
        if (!known.contains(k)) throw error(plus(at, k), "unknown key; known: " + new java.util.TreeSet<>(known));
      });
    }

    static List<Object> plus(List<Object> path, Object step) {
      List<Object> p = new ArrayList<>(path);
      p.add(step);
      return p;
    }
  }

  /** The MQM block: inspect's {@link MqmConfig} overrides. */
  private static MqmConfig mqmConfig(JsonNode n) {
    return MqmConfig.parse(n);
  }

  /** The workflow as the API shows it: the YAML and what it means. */
  public ObjectNode toJson() {
    ObjectNode out = Http.object().put("yaml", yaml).put("name", workflow.name());
    ArrayNode st = out.putArray("stages");
    for (StageRule r : stages) {
      ObjectNode s = st.addObject().put("name", r.name()).put("kind", r.kind().name().toLowerCase(java.util.Locale.ROOT));
      s.put("sampling", workflow.stage(r.name()).orElseThrow().sampling().sample(1000).basis());
      if (r.reducedAllowed()) s.put("reducedAllowed", true);
      ArrayNode who = s.putArray("who");
      r.roles().forEach(x -> who.add(x.key()));
      r.users().forEach(u -> who.add("user:" + u));
      ArrayNode checks = s.putArray("checks");
      r.checks().forEach(checks::add);
    }
    ArrayNode cats = out.putArray("issueCategories");
    issueCategories.forEach(cats::add);
    out.put("reviewerOnlyComments", reviewerOnlyComments);
    ObjectNode q = out.putObject("quality");
    q.put("threshold", workflow.quality().threshold()).put("minItems", workflow.quality().minItems())
        .put("window", workflow.quality().window()).put("cleanStreak", workflow.quality().cleanStreak());
    return out;
  }
}
