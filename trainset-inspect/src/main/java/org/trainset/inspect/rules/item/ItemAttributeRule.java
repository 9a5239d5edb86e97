package org.trainset.inspect.rules.item;

import java.util.Set;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Item;
import org.trainset.inspect.rules.Finding;
import org.trainset.inspect.rules.FindingSink;
import org.trainset.inspect.rules.Rule;
import org.trainset.inspect.rules.RuleSpec;
import org.trainset.inspect.rules.RuleType;
import org.trainset.inspect.rules.Severity;

/**
 * {@code item-attribute}: the item attribute {@code attribute} is present ({@code required},
 * default true), one of {@code values} when given, and within {@code min}/{@code max} when
 * given (e.g. a depth set's {@code confidence_ratio} ≥ 0.2).
 */
public record ItemAttributeRule(String id, Severity severity, String attribute, boolean required,
                                Set<String> values, double min, double max) implements Rule {

  @Override public void check(Item item, FindingSink out) {
    Object v = item.attributes().get(attribute);
    if (v == null) {
      if (required) out.accept(Finding.at(this, item, "item attribute '" + attribute + "' is missing", null));
      return;
    }
    if (!values.isEmpty() && !values.contains(String.valueOf(v))) {
      out.accept(Finding.at(this, item, attribute + "='" + v + "' is not one of " + String.join(", ", values), v));
      return;
    }
    if (!Double.isInfinite(min) || !Double.isInfinite(max)) {
      double d = MediaTiming.number(v);
      if (Double.isNaN(d)) {
        out.accept(Finding.at(this, item, attribute + "='" + v + "' is not a number", v));
      } else if (d < min || d > max) {
        out.accept(Finding.at(this, item, attribute + " " + d + " outside [" + min + ", " + max + "]", d));
      }
    }
  }

  public static final class Type implements RuleType {
    @Override public String name() { return "item-attribute"; }

    @Override public Rule create(RuleSpec s) throws InputException {
      return new ItemAttributeRule(s.id(), s.severity(), s.string("attribute"), s.flag("required", true),
          s.stringSet("values"), s.number("min", Double.NEGATIVE_INFINITY), s.number("max", Double.POSITIVE_INFINITY));
    }
  }
}
