package org.trainset.cli.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.trainset.cli.Json;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.Verb;
import org.trainset.core.io.InputException;
import org.trainset.core.io.JsonLines;
import org.trainset.core.io.ParseLimits;
import org.trainset.inspect.agreement.CohenKappa;
import org.trainset.inspect.agreement.FleissKappa;
import org.trainset.inspect.agreement.KrippendorffAlpha;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "agreement", mixinStandardHelpOptions = true,
    description = {"Agreement between raters from JSONL ratings ({\"item\": ..., \"rater\": ..., \"label\": ...}):",
        "Cohen's kappa (two raters; unweighted, linear, quadratic), Fleiss' kappa (every item rated equally often)",
        "and Krippendorff's alpha (nominal; ordinal and interval when labels are numbers; missing ratings allowed)."})
public final class QaAgreementVerb implements Verb {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Parameters(paramLabel = "RATINGS") Path ratings;

  @Override public Class<?> group() {
    return QaGroup.class;
  }

  @Override public Integer call() throws Exception {
    Map<String, Map<String, Object>> byItem = new LinkedHashMap<>();
    TreeSet<String> raters = new TreeSet<>();
    boolean numeric = read(byItem, raters);
    if (byItem.isEmpty()) throw new InputException(ratings, "ratings", "no ratings");
    Map<String, Double> results = new LinkedHashMap<>();
    List<String> rs = new ArrayList<>(raters);
    if (rs.size() == 2) {
      List<Object> a = new ArrayList<>();
      List<Object> b = new ArrayList<>();
      for (Map<String, Object> r : byItem.values()) {
        if (r.containsKey(rs.get(0)) && r.containsKey(rs.get(1))) {
          a.add(r.get(rs.get(0)));
          b.add(r.get(rs.get(1)));
        }
      }
      if (!a.isEmpty()) {
        results.put("cohenKappa", CohenKappa.of(a, b));
        results.put("cohenKappaLinear", CohenKappa.of(a, b, CohenKappa.Weights.LINEAR));
        results.put("cohenKappaQuadratic", CohenKappa.of(a, b, CohenKappa.Weights.QUADRATIC));
      }
    }
    fleiss(byItem).ifPresent(v -> results.put("fleissKappa", v));
    List<List<Object>> units = new ArrayList<>();
    for (Map<String, Object> r : byItem.values()) {
      List<Object> u = new ArrayList<>();
      for (String rater : rs) u.add(r.get(rater));
      units.add(u);
    }
    results.put("krippendorffAlphaNominal", KrippendorffAlpha.of(units, KrippendorffAlpha.Metric.NOMINAL));
    if (numeric) {
      results.put("krippendorffAlphaOrdinal", KrippendorffAlpha.of(units, KrippendorffAlpha.Metric.ORDINAL));
      results.put("krippendorffAlphaInterval", KrippendorffAlpha.of(units, KrippendorffAlpha.Metric.INTERVAL));
    }
    var out = spec.commandLine().getOut();
    if (output.json) {
      ObjectNode root = Json.object().put("items", byItem.size()).put("raters", rs.size());
      results.forEach(root::put);
      out.println(Json.write(root));
    } else {
      out.printf("%d items, %d raters%n", byItem.size(), rs.size());
      results.forEach((k, v) -> out.printf("%-28s %.4f%n", k, v));
    }
    return 0;
  }

  private boolean read(Map<String, Map<String, Object>> byItem, TreeSet<String> raters) throws Exception {
    boolean[] numericSeen = {true};
    JsonLines.forEach(ratings, ParseLimits.DEFAULT, (line, n) -> {
      JsonNode label = n.get("label");
      if (!n.hasNonNull("item") || !n.hasNonNull("rater") || label == null || !label.isValueNode()) {
        throw new InputException(ratings, line, -1, "ratings", "a rating needs 'item', 'rater' and a plain 'label'");
      }
      Object value = label.isNumber() ? (Object) label.asDouble() : label.asText();
      if (!label.isNumber()) numericSeen[0] = false;
      raters.add(n.get("rater").asText());
      Object previous = byItem.computeIfAbsent(n.get("item").asText(), k -> new LinkedHashMap<>())
          .put(n.get("rater").asText(), value);
      if (previous != null) {
        throw new InputException(ratings, line, -1, "ratings", "rater " + n.get("rater").asText()
            + " rated item " + n.get("item").asText() + " twice");
      }
    });
    return numericSeen[0];
  }

  /** Fleiss' κ when every item has the same number (≥ 2) of ratings. */
  private static java.util.Optional<Double> fleiss(Map<String, Map<String, Object>> byItem) {
    TreeSet<String> cats = new TreeSet<>();
    int per = -1;
    for (Map<String, Object> r : byItem.values()) {
      if (per >= 0 && r.size() != per) return java.util.Optional.empty();
      per = r.size();
      r.values().forEach(v -> cats.add(String.valueOf(v)));
    }
    if (per < 2) return java.util.Optional.empty();
    List<String> order = new ArrayList<>(cats);
    int[][] counts = new int[byItem.size()][order.size()];
    int i = 0;
    for (Map<String, Object> r : byItem.values()) {
      for (Object v : r.values()) counts[i][order.indexOf(String.valueOf(v))]++;
      i++;
    }
    return java.util.Optional.of(FleissKappa.of(counts));
  }
}
