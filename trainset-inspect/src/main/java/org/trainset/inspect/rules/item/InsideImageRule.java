package org.trainset.inspect.rules.item;

import org.trainset.core.geometry.ShapeChecks;
import org.trainset.inspect.rules.Findings;

import org.trainset.core.io.InputException;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Item;
import org.trainset.inspect.rules.FindingSink;
import org.trainset.inspect.rules.Rule;
import org.trainset.inspect.rules.RuleSpec;
import org.trainset.inspect.rules.RuleType;
import org.trainset.core.issue.Severity;

/**
 * {@code inside-image}: selected shapes lie inside the primary image, give or take
 * {@code tolerance} pixels. Items whose image size is unknown are not judged.
 */
public record InsideImageRule(String id, Severity severity, AnnotationSelector select, double tolerance)
    implements Rule {

  @Override public void check(Item item, FindingSink out) {
    Integer w = item.width();
    Integer h = item.height();
    if (w == null || h == null) return;
    for (Annotation a : item.annotations()) {
      if (!select.matches(a)) continue;
      double over = ShapeChecks.outsideBy(a, w, h);
      if (over > tolerance) {
        out.accept(Findings.at(this, item, a, "'" + a.label() + "' reaches " + MinSizeRule.round(over)
            + " px outside the " + w + "x" + h + " image", MinSizeRule.round(over)));
      }
    }
  }

  public static final class Type implements RuleType {
    @Override public String name() { return "inside-image"; }

    @Override public Rule create(RuleSpec s) throws InputException {
      return new InsideImageRule(s.id(), s.severity(), AnnotationSelector.from(s), s.number("tolerance", 0));
    }
  }
}
