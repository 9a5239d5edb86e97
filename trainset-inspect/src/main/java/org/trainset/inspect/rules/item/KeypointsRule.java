package org.trainset.inspect.rules.item;

import org.trainset.inspect.rules.Findings;

import java.util.Set;
import java.util.stream.Collectors;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Item;
import org.trainset.core.model.Points;
import org.trainset.inspect.rules.FindingSink;
import org.trainset.inspect.rules.Rule;
import org.trainset.inspect.rules.RuleSpec;
import org.trainset.inspect.rules.RuleType;
import org.trainset.core.issue.Severity;

/**
 * {@code keypoints}: selected point sets have exactly {@code count} points (when given), every
 * visibility flag in {@code visibility} (default 0, 1, 2) and at least {@code min-labelled}
 * labelled points.
 */
public record KeypointsRule(String id, Severity severity, AnnotationSelector select, int count,
                            Set<Integer> visibility, int minLabelled) implements Rule {

  @Override public void check(Item item, FindingSink out) {
    for (Annotation a : item.annotations()) {
      if (!(a instanceof Points p) || !select.matches(a)) continue;
      if (count > 0 && p.count() != count) {
        out.accept(Findings.at(this, item, a, "'" + a.label() + "' has " + p.count() + " keypoints, expected "
            + count, p.count()));
        continue;
      }
      for (int i = 0; i < p.count(); i++) {
        if (!visibility.contains(p.visibility(i))) {
          out.accept(Findings.at(this, item, a, "keypoint " + i + " has visibility " + p.visibility(i)
              + ", allowed " + visibility, p.visibility(i)));
          break;
        }
      }
      if (p.labelledCount() < minLabelled) {
        out.accept(Findings.at(this, item, a, p.labelledCount() + " labelled keypoints, at least " + minLabelled
            + " needed", p.labelledCount()));
      }
    }
  }

  public static final class Type implements RuleType {
    @Override public String name() { return "keypoints"; }

    @Override public Rule create(RuleSpec s) throws InputException {
      Set<Integer> vis;
      try {
        vis = s.has("visibility") ? s.strings("visibility").stream().map(Integer::valueOf)
            .collect(Collectors.toUnmodifiableSet()) : Set.of(0, 1, 2);
      } catch (NumberFormatException e) {
        throw s.error("'visibility' must list integers");
      }
      return new KeypointsRule(s.id(), s.severity(), AnnotationSelector.from(s), (int) s.number("count", 0),
          vis, (int) s.number("min-labelled", 0));
    }
  }
}
