package org.trainset.server.review;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.trainset.inspect.review.Iso2859Switching;
import org.trainset.inspect.review.SamplingPlan;

/**
 * Which stages each item of a submitted lot must pass. Every stage draws its sample from the lot
 * with its own plan (inspect's {@link SamplingPlan#choose}: all, a fraction, or the ISO 2859-1
 * plan for the lot's size), seeded by lot and stage so a lot always draws the same sample; a
 * fraction stratified by worker and/or label is drawn in each stratum separately; a worker under
 * 100 % inspection has every item pass every stage.
 */
final class Sampling {
  private Sampling() {}

  static Map<String, List<String>> routes(ReviewWorkflow wf, List<String> lot, Map<String, String> labels, String worker,
                                          String lotId, boolean fullInspection) {
    return routes(wf, lot, labels, worker, lotId, fullInspection, Map.of(), new HashMap<>());
  }

  /**
   * As above, with the ISO 2859-1 stages' inspection modes: such a stage draws the sample of its
   * mode's plan (Table 2-A, 2-B or 2-C), recorded in {@code drawn} by stage.
   */
  static Map<String, List<String>> routes(ReviewWorkflow wf, List<String> lot, Map<String, String> labels, String worker,
                                          String lotId, boolean fullInspection, Map<String, Iso2859Switching.Mode> modes,
                                          Map<String, SamplingPlan.Sample> drawn) {
    Map<String, List<String>> routes = new LinkedHashMap<>();
    for (String id : lot) routes.put(id, new ArrayList<>());
    if (lot.isEmpty()) return routes;
    for (ReviewWorkflow.StageRule stage : wf.stages()) {
      SamplingPlan plan = wf.sampling(stage.name());
      long seed = seed(lotId, stage.name());
      Set<String> chosen;
      Iso2859Switching.Mode mode = modes.get(stage.name());
      if (plan instanceof SamplingPlan.Acceptance a && mode != null && lot.size() >= 2) {
        SamplingPlan.Sample s = a.sample(lot.size(), mode);
        drawn.put(stage.name(), s);
        chosen = new HashSet<>(fullInspection ? lot : plan.choose(lot, seed, s.size()));
      } else {
        chosen = fullInspection ? new HashSet<>(lot) : sample(plan, stage, lot, labels, worker, seed);
      }
      for (String id : lot) if (chosen.contains(id)) routes.get(id).add(stage.name());
    }
    return routes;
  }

  static Set<String> sample(SamplingPlan plan, ReviewWorkflow.StageRule stage, List<String> lot, Map<String, String> labels,
                            String worker, long seed) {
    if (!(plan instanceof SamplingPlan.Fraction) || stage.stratify().isEmpty()) return new HashSet<>(plan.choose(lot, seed));
    Map<String, List<String>> strata = new TreeMap<>();
    for (String id : lot) {
      StringBuilder key = new StringBuilder();
      if (stage.stratify().contains("worker")) key.append(worker);
      if (stage.stratify().contains("label")) key.append('\u0000').append(labels.getOrDefault(id, ""));
      strata.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(id);
    }
    Set<String> out = new HashSet<>();
    for (List<String> stratum : strata.values()) out.addAll(plan.choose(stratum, seed));
    return out;
  }

  static long seed(String lotId, String stage) {
    long h = 1125899906842597L;
    for (byte b : (lotId + "\u0000" + stage).getBytes(StandardCharsets.UTF_8)) h = 31 * h + b;
    return h;
  }
}
