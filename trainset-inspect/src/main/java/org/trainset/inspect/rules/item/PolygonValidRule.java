package org.trainset.inspect.rules.item;

import org.trainset.core.geometry.ShapeChecks;
import org.trainset.core.geometry.Shapes;
import org.trainset.inspect.rules.Findings;

import org.trainset.core.io.InputException;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Item;
import org.trainset.core.model.Polygon;
import org.trainset.inspect.rules.FindingSink;
import org.trainset.inspect.rules.Rule;
import org.trainset.inspect.rules.RuleSpec;
import org.trainset.inspect.rules.RuleType;
import org.trainset.core.issue.Severity;

/**
 * {@code polygon-valid}: at least {@code min-points} (3) vertices, area above {@code min-area}
 * (0), and no two non-adjacent edges crossing.
 */
public record PolygonValidRule(String id, Severity severity, AnnotationSelector select, int minPoints,
                               double minArea) implements Rule {

  @Override public void check(Item item, FindingSink out) {
    for (Annotation a : item.annotations()) {
      if (!(a instanceof Polygon p) || !select.matches(a)) continue;
      ShapeChecks.PolygonFault fault = ShapeChecks.polygonFault(p, minPoints, minArea);
      if (fault == null) continue;
      switch (fault) {
        case TOO_FEW_POINTS -> out.accept(Findings.at(this, item, a,
            "polygon has " + p.vertexCount() + " points, needs " + minPoints, p.vertexCount()));
        case SELF_INTERSECTION -> out.accept(Findings.at(this, item, a, "polygon edges cross each other", "self-intersection"));
        case TOO_SMALL -> {
          double area = MinSizeRule.round(Shapes.area(p));
          out.accept(Findings.at(this, item, a, "polygon area " + area + " is not above " + minArea, area));
        }
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
