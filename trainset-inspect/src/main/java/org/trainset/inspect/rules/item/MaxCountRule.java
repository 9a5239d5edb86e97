package org.trainset.inspect.rules.item;

import org.trainset.inspect.rules.Findings;

import org.trainset.core.io.InputException;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Item;
import org.trainset.inspect.rules.FindingSink;
import org.trainset.inspect.rules.Rule;
import org.trainset.inspect.rules.RuleSpec;
import org.trainset.inspect.rules.RuleType;
import org.trainset.core.issue.Severity;

/** {@code max-count}: at most {@code max} selected annotations per item (and at least {@code min}). */
public record MaxCountRule(String id, Severity severity, AnnotationSelector select, int max, int min)
    implements Rule {

  @Override public void check(Item item, FindingSink out) {
    int n = 0;
    for (Annotation a : item.annotations()) {
      if (select.matches(a)) n++;
    }
    if (n > max) {
      out.accept(Findings.at(this, item, n + " " + describe() + " annotations, at most " + max + " allowed", n));
    } else if (n < min) {
      out.accept(Findings.at(this, item, n + " " + describe() + " annotations, at least " + min + " needed", n));
    }
  }

  private String describe() {
    if (!select.where().isEmpty()) return select.where().toString();
    if (!select.labels().isEmpty()) return String.join("/", select.labels());
    return "selected";
  }

  public static final class Type implements RuleType {
    @Override public String name() { return "max-count"; }

    @Override public Rule create(RuleSpec s) throws InputException {
      return new MaxCountRule(s.id(), s.severity(), AnnotationSelector.from(s),
          (int) s.number("max", Integer.MAX_VALUE), (int) s.number("min", 0));
    }
  }
}
