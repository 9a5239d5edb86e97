package org.trainset.inspect.rules.item;

import org.trainset.core.io.InputException;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Item;
import org.trainset.core.model.Polygon;
import org.trainset.inspect.rules.Finding;
import org.trainset.inspect.rules.FindingSink;
import org.trainset.inspect.rules.Rule;
import org.trainset.inspect.rules.RuleSpec;
import org.trainset.inspect.rules.RuleType;
import org.trainset.inspect.rules.Severity;

/**
 * {@code polygon-valid}: at least {@code min-points} (3) vertices, area above {@code min-area}
 * (0), and no two non-adjacent edges crossing.
 */
public record PolygonValidRule(String id, Severity severity, AnnotationSelector select, int minPoints,
                               double minArea) implements Rule {

  @Override public void check(Item item, FindingSink out) {
    for (Annotation a : item.annotations()) {
      if (!(a instanceof Polygon p) || !select.matches(a)) continue;
      if (p.vertexCount() < minPoints) {
        out.accept(Finding.at(this, item, a, "polygon has " + p.vertexCount() + " points, needs " + minPoints,
            p.vertexCount()));
        continue;
      }
      // Crossing edges first: a bow-tie's lobes cancel in the shoelace sum and would read as "no area".
      if (Shapes.selfIntersects(p)) {
        out.accept(Finding.at(this, item, a, "polygon edges cross each other", "self-intersection"));
        continue;
      }
      double area = Shapes.area(p);
      if (area <= minArea) {
        out.accept(Finding.at(this, item, a, "polygon area " + MinSizeRule.round(area) + " is not above "
            + minArea, MinSizeRule.round(area)));
      }
    }
  }

  public static final class Type implements RuleType {
    @Override public String name() { return "polygon-valid"; }

    @Override public Rule create(RuleSpec s) throws InputException {
      return new PolygonValidRule(s.id(), s.severity(), AnnotationSelector.from(s),
          (int) s.number("min-points", 3), s.number("min-area", 0));
    }
  }
}
