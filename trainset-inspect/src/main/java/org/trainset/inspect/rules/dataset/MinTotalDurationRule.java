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
 * {@code min-total-duration}: each class has at least {@code min} seconds of time events in the
 * whole dataset (CCTV: 20 h = 72000 s per class). Classes listed in {@code labels} but never seen
 * have 0 s.
 */
public record MinTotalDurationRule(String id, Severity severity, AnnotationSelector select, double min)
    implements Rule {

  @Override public Accumulator accumulator() {
    return new Acc(this);
  }

  static final class Acc implements Accumulator {
    private final MinTotalDurationRule rule;
    private final Counts seconds = new Counts();

    Acc(MinTotalDurationRule rule) {
      this.rule = rule;
    }

    @Override public void add(Item item) {
      for (Annotation a : item.annotations()) {
        if (a instanceof TimeEvent e && rule.select.matches(a)) seconds.add(a.label(), Math.max(0, e.duration()));
      }
    }

    @Override public void merge(Accumulator other) {
      seconds.merge(((Acc) other).seconds);
    }

    @Override public void finish(FindingSink out) {
      Set<String> labels = new LinkedHashSet<>(rule.select.labels());
      labels.addAll(seconds.byKey.keySet());
      for (String label : labels) {
        double s = seconds.get(label);
        if (s < rule.min) {
          out.accept(Findings.dataset(rule, "class '" + label + "' has " + hours(s) + " h, at least " + hours(rule.min)
              + " h needed", Math.round(s * 1000) / 1000.0));
        }
      }
    }
  }

  static String hours(double seconds) {
    return String.format(java.util.Locale.ROOT, "%.2f", seconds / 3600);
  }

  public static final class Type implements RuleType {
    @Override public String name() { return "min-total-duration"; }

    @Override public Rule create(RuleSpec s) throws InputException {
      return new MinTotalDurationRule(s.id(), s.severity(), AnnotationSelector.from(s), s.number("min"));
    }
  }
}
