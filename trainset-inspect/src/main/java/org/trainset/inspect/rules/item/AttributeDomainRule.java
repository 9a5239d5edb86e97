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

/**
 * {@code attribute-domain}: selected annotations carry {@code attribute} with one of
 * {@code values} (e.g. a sidewalk polygon's surface); {@code required: false} allows it missing.
 * A dotted name reaches into a nested record ({@code ontology.class}).
 */
public record AttributeDomainRule(String id, Severity severity, AnnotationSelector select, String attribute,
                                  Set<String> values, boolean required) implements Rule {

  @Override public void check(Item item, FindingSink out) {
    for (Annotation a : item.annotations()) {
      if (!select.matches(a)) continue;
      Object v = AttributePaths.get(a.meta().attributes(), attribute);
      if (v == null) {
        if (required) {
          out.accept(Findings.at(this, item, a, "'" + a.label() + "' lacks attribute '" + attribute + "'", null));
        }
      } else if (!values.isEmpty() && !values.contains(String.valueOf(v))) {
        out.accept(Findings.at(this, item, a, "'" + a.label() + "' has " + attribute + "='" + v
            + "', allowed: " + String.join(", ", values), v));
      }
    }
  }

  public static final class Type implements RuleType {
    @Override public String name() { return "attribute-domain"; }

    @Override public Rule create(RuleSpec s) throws InputException {
      return new AttributeDomainRule(s.id(), s.severity(), AnnotationSelector.from(s), s.string("attribute"),
          s.stringSet("values"), s.flag("required", true));
    }
  }
}
