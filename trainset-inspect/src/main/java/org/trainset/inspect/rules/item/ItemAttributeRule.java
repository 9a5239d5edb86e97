package org.trainset.inspect.rules.item;

import org.trainset.inspect.rules.Findings;

import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Item;
import org.trainset.inspect.rules.FindingSink;
import org.trainset.inspect.rules.Rule;
import org.trainset.inspect.rules.RuleSpec;
import org.trainset.inspect.rules.RuleType;
import org.trainset.core.issue.Severity;

/**
 * {@code item-attribute}: the item attribute {@code attribute} is present ({@code required},
 * default true), one of {@code values} when given, and within {@code min}/{@code max} when
 * given (e.g. a depth set's {@code confidence_ratio} ≥ 0.2). With {@code forbidden: true} the
 * attribute must be absent: readers record what they found inconsistent in an item attribute
 * (the CCTV reader's {@code mp4Disagreements}), and its presence is the finding. {@code pattern}
 * is a regular expression the whole value must match (e.g. {@code .*\S.*}: not blank). A dotted
 * name reaches into a nested record.
 */
public record ItemAttributeRule(String id, Severity severity, String attribute, boolean required,
                                Set<String> values, double min, double max, boolean forbidden,
                                Pattern pattern) implements Rule {

  @Override public void check(Item item, FindingSink out) {
    Object v = AttributePaths.get(item.attributes(), attribute);
    if (forbidden) {
      if (v != null) out.accept(Findings.at(this, item, "item attribute '" + attribute + "' is present: " + v, v));
      return;
    }
    if (v == null) {
      if (required) out.accept(Findings.at(this, item, "item attribute '" + attribute + "' is missing", null));
      return;
    }
    if (!values.isEmpty() && !values.contains(String.valueOf(v))) {
      out.accept(Findings.at(this, item, attribute + "='" + v + "' is not one of " + String.join(", ", values), v));
      return;
    }
    if (pattern != null && !pattern.matcher(String.valueOf(v)).matches()) {
      out.accept(Findings.at(this, item, attribute + "='" + v + "' does not match " + pattern.pattern(), v));
      return;
    }
    if (!Double.isInfinite(min) || !Double.isInfinite(max)) {
      double d = MediaTiming.number(v);
      if (Double.isNaN(d)) {
        out.accept(Findings.at(this, item, attribute + "='" + v + "' is not a number", v));
      } else if (d < min || d > max) {
        out.accept(Findings.at(this, item, attribute + " " + d + " outside [" + min + ", " + max + "]", d));
      }
    }
  }

  public static final class Type implements RuleType {
    @Override public String name() { return "item-attribute"; }

    @Override public Rule create(RuleSpec s) throws InputException {
      return new ItemAttributeRule(s.id(), s.severity(), s.string("attribute"), s.flag("required", true),
          s.stringSet("values"), s.number("min", Double.NEGATIVE_INFINITY), s.number("max", Double.POSITIVE_INFINITY),
          s.flag("forbidden", false), pattern(s));
    }

    private static Pattern pattern(RuleSpec s) throws InputException {
      if (!s.has("pattern")) return null;
      try {
        return Pattern.compile(s.string("pattern"));
      } catch (PatternSyntaxException e) {
        throw s.error("'pattern' is not a regular expression: " + e.getDescription());
      }
    }
  }
}
