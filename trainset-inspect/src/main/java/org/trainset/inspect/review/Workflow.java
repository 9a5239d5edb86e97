package org.trainset.inspect.review;

import org.trainset.core.io.ConfigFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trainset.core.io.InputException;
import org.trainset.core.io.Json;

/**
 * A review workflow: ordered stages, each with a sampling plan, and the quality policy that moves
 * workers to full inspection. Read from YAML or JSON:
 * <pre>
 * workflow: sidewalk
 * stages:
 *   - {name: peer, sampling: all}
 *   - {name: manager, sampling: {fraction: 0.2}}
 *   - {name: final, sampling: {aql: 1.0}}
 * quality: {threshold: 90, min-items: 20, window: 50, clean-streak: 30, defect-severity: minor}
 * </pre>
 */
public record Workflow(String name, List<Stage> stages, QualityPolicy quality) {
  public Workflow {
    stages = List.copyOf(stages);
  }

  /** One stage and how much of each lot it inspects. */
  public record Stage(String name, SamplingPlan sampling) { }

  public Optional<Stage> stage(String stageName) {
    return stages.stream().filter(s -> s.name().equals(stageName)).findFirst();
  }

  /** The review processes the seed describes, by family id (see docs/rules.md). */
  public static final java.util.List<String> BUILTIN = java.util.List.of("aihub.sidewalk", "aihub.cctv", "aihub.corpus");

  /** A workflow file, or a built-in workflow by family id. */
  public static Workflow load(String nameOrFile) throws IOException {
    Path p = Path.of(nameOrFile);
    if (Files.isRegularFile(p)) return read(p);
    if (!BUILTIN.contains(nameOrFile)) {
      throw new InputException(p, "workflow", "no such workflow file, and not a built-in workflow; built-ins: "
          + String.join(", ", BUILTIN));
    }
    try (var in = Workflow.class.getResourceAsStream("/org/trainset/inspect/workflows/" + nameOrFile + ".yaml")) {
      if (in == null) throw new IllegalStateException("built-in workflow " + nameOrFile + " is missing");
      return parse(ConfigFiles.parse(Path.of("builtin:" + nameOrFile), in, true, ConfigFiles.LIMITS));
    }
  }

  public static Workflow read(Path file) throws IOException {
    return ConfigFiles.read(file, "workflow", Workflow::parse);
  }

  public static Workflow parse(JsonNode root) {
    if (root == null || !root.isObject()) throw new IllegalArgumentException("a workflow is a map with 'stages'");
    JsonNode stages = root.get("stages");
    if (stages == null || !stages.isArray() || stages.isEmpty()) throw new IllegalArgumentException("'stages' must be a non-empty list");
    List<Stage> out = new ArrayList<>();
    for (JsonNode s : stages) {
      String name = s.path("name").asText("");
      if (name.isEmpty()) throw new IllegalArgumentException("every stage needs a 'name'");
      double maxRate = s.path("max-defect-rate").asDouble(0);
      out.add(new Stage(name, sampling(name, s.get("sampling"), maxRate)));
    }
    JsonNode q = root.path("quality");
    QualityPolicy d = QualityPolicy.defaults();
    QualityPolicy policy = new QualityPolicy(q.path("threshold").asDouble(d.threshold()),
        q.path("min-items").asInt(d.minItems()), q.path("window").asInt(d.window()),
        q.path("clean-streak").asInt(d.cleanStreak()),
        q.hasNonNull("defect-severity") ? ErrorSeverity.parse(q.get("defect-severity").asText()) : d.defectSeverity());
    return new Workflow(root.path("workflow").asText(""), out, policy);
  }

  private static SamplingPlan sampling(String stage, JsonNode s, double maxRate) {
    if (s == null || s.isNull() || (s.isTextual() && s.asText().equals("all"))) return new SamplingPlan.All(maxRate);
    if (s.isObject() && s.has("fraction")) return new SamplingPlan.Fraction(s.get("fraction").asDouble(), maxRate);
    if (s.isObject() && s.has("aql")) return new SamplingPlan.Acceptance(s.get("aql").asDouble());
    throw new IllegalArgumentException("stage '" + stage + "': sampling must be 'all', {fraction: F} or {aql: A}");
  }
}
