package org.trainset.server.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trainset.server.http.Http;

/**
 * The quality targets a release states (configuration in {@code publish/quality-targets.json}:
 * targets for every family plus the family's own, a family id matching its longest configured
 * prefix) and what was achieved: measured metrics from the freeze-time statistics and inspection,
 * reported ones from the request (a validation run done elsewhere). A missing reported value is
 * stated as not reported, never as met.
 */
final class QualityTargets {
  private static final JsonNode CONFIG = load();

  private QualityTargets() {}

  /** The targets of {@code family}, general ones first. */
  static List<JsonNode> targetsFor(String family) {
    List<JsonNode> out = new ArrayList<>();
    CONFIG.withArray("*").forEach(out::add);
    String best = null;
    for (var it = CONFIG.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (key.startsWith("_") || key.equals("*")) continue;
      if ((family.equals(key) || family.startsWith(key + ".")) && (best == null || key.length() > best.length())) best = key;
    }
    if (best != null) CONFIG.withArray(best).forEach(out::add);
    return out;
  }

  /**
   * @param measured what the platform computed (metric → value)
   * @param reported what the request states (metric → value)
   */
  static ObjectNode evaluate(String family, Map<String, Double> measured, Map<String, Double> reported) {
    ObjectNode q = Http.object();
    ArrayNode targets = q.putArray("targets");
    boolean allMet = true;
    for (JsonNode t : targetsFor(family)) {
      String metric = t.get("metric").asText();
      // a value the platform measured (e.g. MQM from the review stage) wins over a reported one
      String source = measured.containsKey(metric) ? "measured" : reported.containsKey(metric) ? "reported" : t.get("source").asText();
      Double value = measured.containsKey(metric) ? measured.get(metric) : reported.get(metric);
      ObjectNode o = targets.addObject().put("metric", metric).put("goal", t.get("goal").asDouble())
          .put("compare", t.get("compare").asText()).put("source", source)
          .put("description", t.get("description").asText());
      if (value == null) {
        o.putNull("achieved").putNull("met");
        allMet = false;
      } else {
        boolean met = t.get("compare").asText().equals(">=") ? value >= t.get("goal").asDouble() - 1e-12
            : value <= t.get("goal").asDouble() + 1e-12;
        o.put("achieved", value).put("met", met);
        allMet &= met;
      }
    }
    q.put("allMet", allMet);
    return q;
  }

  /** The smallest and largest share of one label among the annotations, from {@code trainset stats} counts. */
  static void classShares(Map<String, Long> byLabel, Map<String, Double> measured) {
    long total = byLabel.values().stream().mapToLong(Long::longValue).sum();
    if (total == 0) return;
    double min = 1, max = 0;
    for (long n : byLabel.values()) {
      min = Math.min(min, (double) n / total);
      max = Math.max(max, (double) n / total);
    }
    measured.put("minClassShare", Math.round(min * 1e6) / 1e6);
    measured.put("maxClassShare", Math.round(max * 1e6) / 1e6);
  }

  private static JsonNode load() {
    try (InputStream in = QualityTargets.class.getResourceAsStream("/publish/quality-targets.json")) {
      return Http.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
