package org.trainset.inspect.rules.dataset;

import org.trainset.inspect.rules.Findings;

import java.util.LinkedHashSet;
import java.util.Set;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Item;
import org.trainset.core.model.TimeEvent;
import org.trainset.inspect.rules.Accumulator;
import org.trainset.inspect.rules.FindingSink;
import org.trainset.inspect.rules.Rule;
import org.trainset.inspect.rules.RuleSpec;
import org.trainset.inspect.rules.RuleType;
import org.trainset.core.issue.Severity;
import org.trainset.inspect.rules.item.AnnotationSelector;

/**
 * {@code class-share}: each class's share of the dataset lies within {@code target} ±
 * {@code tolerance} (CCTV: 0.09 ± 0.04). {@code measure}: annotations (count), items (items
 * carrying the label) or duration (seconds of the label's time events). Classes listed in
 * {@code labels} that never occur count as share 0; with no list, every class seen is judged.
 */
public record ClassShareRule(String id, Severity severity, AnnotationSelector select, String measure,
                             double target, double tolerance) implements Rule {

  @Override public Accumulator accumulator() {
    return new Acc(this);
  }

  static final class Acc implements Accumulator {
    private final ClassShareRule rule;
    private final Counts counts = new Counts();

    Acc(ClassShareRule rule) {
      this.rule = rule;
    }

    @Override public void add(Item item) {
      Set<String> seen = new LinkedHashSet<>();
      for (Annotation a : item.annotations()) {
        if (!rule.select.matches(a)) continue;
        switch (rule.measure) {
          case "duration" -> {
            if (a instanceof TimeEvent e) counts.add(a.label(), Math.max(0, e.duration()));
          }
          case "items" -> seen.add(a.label());
          default -> counts.add(a.label(), 1);
        }
      }
      for (String s : seen) counts.add(s, 1);
    }

    @Override public void merge(Accumulator other) {
      counts.merge(((Acc) other).counts);
    }

    @Override public void finish(FindingSink out) {
      Set<String> labels = new LinkedHashSet<>(rule.select.labels());
      labels.addAll(counts.byKey.keySet());
      if (counts.total == 0) {
        out.accept(Findings.dataset(rule, "no " + rule.measure + " to compute class shares from", 0));
        return;
      }
      for (String label : labels) {
        double share = counts.share(label);
        if (Math.abs(share - rule.target) > rule.tolerance + 1e-12) {
          out.accept(Findings.dataset(rule, "class '" + label + "' is " + pct(share) + " of " + rule.measure
              + ", outside " + pct(rule.target) + " ± " + pct(rule.tolerance), Counts.round4(share)));
        }
      }
    }
  }

  static String pct(double v) {
    return String.format(java.util.Locale.ROOT, "%.1f%%", v * 100);
  }

  public static final class Type implements RuleType {
    @Override public String name() { return "class-share"; }

    @Override public Rule create(RuleSpec s) throws InputException {
      String measure = s.string("measure", "annotations");
      if (!Set.of("annotations", "items", "duration").contains(measure)) {
        throw s.error("measure must be annotations, items or duration");
      }
      return new ClassShareRule(s.id(), s.severity(), AnnotationSelector.from(s), measure, s.number("target"),
          s.number("tolerance"));
    }
  }
}
