package org.trainset.inspect.rules.dataset;

import org.trainset.inspect.rules.Findings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Item;
import org.trainset.inspect.rules.Accumulator;
import org.trainset.inspect.rules.FindingSink;
import org.trainset.inspect.rules.Rule;
import org.trainset.inspect.rules.RuleSpec;
import org.trainset.inspect.rules.RuleType;
import org.trainset.core.issue.Severity;

/**
 * {@code composition}: items split by the item attribute {@code attribute} in the shares of
 * {@code ratios} (X-ray: 15/15/40/30), each within ± {@code tolerance}; values outside the list
 * are findings too. {@code balance} is the same with equal shares over {@code values} (makers 1:1:1).
 * Ratios may be given as percentages or weights; they are normalised to sum to 1.
 */
public record CompositionRule(String id, Severity severity, String attribute, Map<String, Double> ratios,
                              double tolerance) implements Rule {

  @Override public Accumulator accumulator() {
    return new Acc(this);
  }

  static final class Acc implements Accumulator {
    private final CompositionRule rule;
    private final Counts counts = new Counts();
    private long missing;

    Acc(CompositionRule rule) {
      this.rule = rule;
    }

    @Override public void add(Item item) {
      Object v = item.attributes().get(rule.attribute);
      if (v == null) {
        missing++;
      } else {
        counts.add(String.valueOf(v), 1);
      }
    }

    @Override public void merge(Accumulator other) {
      Acc o = (Acc) other;
      counts.merge(o.counts);
      missing += o.missing;
    }

    @Override public void finish(FindingSink out) {
      if (missing > 0) {
        out.accept(Findings.dataset(rule, missing + " items lack item attribute '" + rule.attribute + "'", missing));
      }
      if (counts.total == 0) return;
      for (var e : rule.ratios.entrySet()) {
        double share = counts.share(e.getKey());
        if (Math.abs(share - e.getValue()) > rule.tolerance + 1e-12) {
          out.accept(Findings.dataset(rule, rule.attribute + "='" + e.getKey() + "' is " + ClassShareRule.pct(share)
              + " of items, expected " + ClassShareRule.pct(e.getValue()) + " ± "
              + ClassShareRule.pct(rule.tolerance), Counts.round4(share)));
        }
      }
      for (String seen : counts.byKey.keySet()) {
        if (!rule.ratios.containsKey(seen)) {
          out.accept(Findings.dataset(rule, rule.attribute + "='" + seen + "' is not part of the planned composition",
              seen));
        }
      }
    }
  }

  static Map<String, Double> normalised(Map<String, Double> weights) {
    double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    Map<String, Double> out = new LinkedHashMap<>();
    weights.forEach((k, v) -> out.put(k, v / sum));
    return java.util.Collections.unmodifiableMap(out);
  }

  public static final class Type implements RuleType {
    @Override public String name() { return "composition"; }

    @Override public Rule create(RuleSpec s) throws InputException {
      Map<String, Double> ratios = s.numberMap("ratios");
      if (ratios.isEmpty() || ratios.values().stream().anyMatch(v -> v < 0)) {
        throw s.error("needs 'ratios' (value: share), none negative");
      }
      return new CompositionRule(s.id(), s.severity(), s.string("attribute"), normalised(ratios),
          s.number("tolerance", 0.02));
    }
  }

  public static final class BalanceType implements RuleType {
    @Override public String name() { return "balance"; }

    @Override public Rule create(RuleSpec s) throws InputException {
      List<String> values = s.requiredStrings("values");
      Map<String, Double> ratios = new LinkedHashMap<>();
      for (String v : values) ratios.put(v, 1.0);
      return new CompositionRule(s.id(), s.severity(), s.string("attribute"), normalised(ratios),
          s.number("tolerance", 0.02));
    }
  }
}
