package org.trainset.inspect.mqm;

import org.trainset.core.io.ConfigFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.trainset.core.io.Json;
import org.trainset.inspect.review.ErrorSeverity;
import org.trainset.inspect.review.QualityPolicy;

/**
 * MQM scoring configuration: the error codes and the MQM category each maps to (with a type
 * weight), severity penalties, the reference word count the penalty is normalised to, and the
 * pass threshold. {@link #aihubCorpus()} is the parallel-corpus inspection's scheme.
 *
 * @param codes          error code → category and type weight
 * @param severities     severity → penalty weight (defaults: minor 1, major 5, critical 10)
 * @param referenceWords the word count scores are normalised to (default 1000)
 * @param passThreshold  score at or above which a segment, document or translator passes
 * @param quality        how translator scores move translators to full re-inspection
 */
public record MqmConfig(Map<String, Code> codes, Map<ErrorSeverity, Double> severities, double referenceWords,
                        double passThreshold, QualityPolicy quality) {

  /** An error code's MQM category and its type weight. */
  public record Code(String category, double weight) { }

  public MqmConfig {
    codes = Map.copyOf(codes);
    severities = Map.copyOf(severities);
    if (referenceWords <= 0) throw new IllegalArgumentException("reference-words must be positive");
  }

  /**
   * The seed's codes: accuracy ACm (mistranslation), ACo (omission), ACme (other, incl. addition
   * and source errors); fluency FLg (grammar), FLa (awkwardness), FLme (other).
   */
  public static MqmConfig aihubCorpus() {
    Map<String, Code> codes = new LinkedHashMap<>();
    codes.put("ACm", new Code("Accuracy/Mistranslation", 1));
    codes.put("ACo", new Code("Accuracy/Omission", 1));
    codes.put("ACme", new Code("Accuracy", 1));
    codes.put("FLg", new Code("Fluency/Grammar", 1));
    codes.put("FLa", new Code("Style/Awkward", 1));
    codes.put("FLme", new Code("Fluency", 1));
    Map<ErrorSeverity, Double> sev = new EnumMap<>(ErrorSeverity.class);
    sev.put(ErrorSeverity.MINOR, 1.0);
    sev.put(ErrorSeverity.MAJOR, 5.0);
    sev.put(ErrorSeverity.CRITICAL, 10.0);
    return new MqmConfig(codes, sev, 1000, 90, new QualityPolicy(90, 20, 50, 30, ErrorSeverity.MINOR));
  }

  /** Reads overrides from YAML/JSON on top of {@link #aihubCorpus()} (see docs/rules.md). */
  public static MqmConfig read(Path file) throws IOException {
    return ConfigFiles.read(file, "mqm-config", MqmConfig::parse);
  }

  public static MqmConfig parse(JsonNode root) {
    MqmConfig d = aihubCorpus();
    if (root == null || !root.isObject()) throw new IllegalArgumentException("an MQM config is a map");
    Map<String, Code> codes = new LinkedHashMap<>(d.codes());
    if (root.has("codes")) {
      codes.clear();
      root.get("codes").fields().forEachRemaining(e -> codes.put(e.getKey(),
          new Code(e.getValue().path("category").asText(e.getKey()), e.getValue().path("weight").asDouble(1))));
    }
    Map<ErrorSeverity, Double> sev = new EnumMap<>(d.severities());
    if (root.has("severities")) {
      root.get("severities").fields().forEachRemaining(e -> sev.put(ErrorSeverity.parse(e.getKey()), e.getValue().asDouble()));
    }
    QualityPolicy q = d.quality();
    JsonNode qn = root.path("quality");
    QualityPolicy quality = new QualityPolicy(qn.path("threshold").asDouble(q.threshold()),
        qn.path("min-items").asInt(q.minItems()), qn.path("window").asInt(q.window()),
        qn.path("clean-streak").asInt(q.cleanStreak()), q.defectSeverity());
    return new MqmConfig(codes, sev, root.path("reference-words").asDouble(d.referenceWords()),
        root.path("pass-threshold").asDouble(d.passThreshold()), quality);
  }
}
