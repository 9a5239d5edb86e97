package org.trainset.inspect.rules.item;

import org.trainset.inspect.rules.Findings;

import java.util.Set;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Item;
import org.trainset.inspect.rules.FindingSink;
import org.trainset.inspect.rules.Rule;
import org.trainset.inspect.rules.RuleSpec;
import org.trainset.inspect.rules.RuleType;
import org.trainset.core.issue.Severity;

/** {@code label-whitelist}: every selected annotation's label is one of {@code allowed}. */
public record LabelWhitelistRule(String id, Severity severity, AnnotationSelector select,
                                 Set<String> allowed) implements Rule {

  @Override public void check(Item item, FindingSink out) {
    for (Annotation a : item.annotations()) {
      if (select.matches(a) && !allowed.contains(a.label())) {
        out.accept(Findings.at(this, item, a, "label '" + a.label() + "' is not in the guideline's label set", a.label()));
      }
    }
  }

  public static final class Type implements RuleType {
    @Override public String name() { return "label-whitelist"; }

    @Override public Rule create(RuleSpec s) throws InputException {
      return new LabelWhitelistRule(s.id(), s.severity(), AnnotationSelector.from(s),
          Set.copyOf(s.requiredStrings("allowed")));
    }
  }
}
