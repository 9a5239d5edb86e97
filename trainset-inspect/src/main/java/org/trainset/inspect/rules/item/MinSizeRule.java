package org.trainset.inspect.rules.item;

import org.trainset.core.geometry.Shapes;
import org.trainset.inspect.rules.Findings;

import java.util.Map;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Item;
import org.trainset.inspect.rules.FindingSink;
import org.trainset.inspect.rules.Rule;
import org.trainset.inspect.rules.RuleSpec;
import org.trainset.inspect.rules.RuleType;
import org.trainset.core.issue.Severity;

/**
 * {@code min-size}: a selected shape measures at least {@code min} ({@code by-label} overrides per
 * label). {@code measure}: longer-side (default), shorter-side, width, height or area.
 * {@code exclusive: true} makes the minimum itself too small ("objects ≤ 64 px are not annotated").
 */
public record MinSizeRule(String id, Severity severity, AnnotationSelector select, double min,
                          Map<String, Double> byLabel, String measure, boolean exclusive) implements Rule {

  @Override public void check(Item item, FindingSink out) {
    for (Annotation a : item.annotations()) {
      if (!select.matches(a)) continue;
      double[] b = Shapes.bounds(a);
      if (b == null) continue;
      double w = b[2] - b[0];
      double h = b[3] - b[1];
      double size = switch (measure) {
        case "shorter-side" -> Math.min(w, h);
        case "width" -> w;
        case "height" -> h;
        case "area" -> Shapes.area(a);
        default -> Math.max(w, h);
      };
      double limit = byLabel.getOrDefault(a.label(), min);
      boolean tooSmall = exclusive ? size <= limit : size < limit;
      if (tooSmall) {
        out.accept(Findings.at(this, item, a, "'" + a.label() + "' " + measure + " " + round(size)
            + (exclusive ? " is not above " : " is below ") + round(limit), round(size)));
      }
    }
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  public static final class Type implements RuleType {
    @Override public String name() { return "min-size"; }

    @Override public Rule create(RuleSpec s) throws InputException {
      String measure = s.string("measure", "longer-side");
      if (!java.util.Set.of("longer-side", "shorter-side", "width", "height", "area").contains(measure)) {
        throw s.error("measure must be longer-side, shorter-side, width, height or area");
      }
      return new MinSizeRule(s.id(), s.severity(), AnnotationSelector.from(s), s.number("min"),
          s.numberMap("by-label"), measure, s.flag("exclusive", false));
    }
  }
}
