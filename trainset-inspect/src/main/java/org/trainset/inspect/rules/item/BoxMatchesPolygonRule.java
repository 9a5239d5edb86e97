package org.trainset.inspect.rules.item;

import org.trainset.inspect.rules.Findings;

import java.util.ArrayList;
import java.util.List;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Box;
import org.trainset.core.model.Item;
import org.trainset.core.model.Polygon;
import org.trainset.inspect.rules.FindingSink;
import org.trainset.inspect.rules.Rule;
import org.trainset.inspect.rules.RuleSpec;
import org.trainset.inspect.rules.RuleType;
import org.trainset.core.issue.Severity;

/**
 * {@code box-matches-polygon}: where boxes are derived from polygons (the X-ray release's VOC
 * boxes from its COCO polygons), each selected box has a polygon of the same object (same group,
 * same label) and equals that polygon's bounds within {@code tolerance} px on every edge. A box
 * no polygon of its label belongs to is a finding too.
 */
public record BoxMatchesPolygonRule(String id, Severity severity, AnnotationSelector select, double tolerance)
    implements Rule {

  @Override public void check(Item item, FindingSink out) {
    List<Polygon> polygons = new ArrayList<>();
    for (Annotation a : item.annotations()) if (a instanceof Polygon p) polygons.add(p);
    for (Annotation a : item.annotations()) {
      if (!(a instanceof Box b) || !select.matches(a)) continue;
      Polygon own = null;
      for (Polygon p : polygons) {
        if (b.meta().group() != null && b.meta().group().equals(p.meta().group()) && p.label().equals(b.label())) own = p;
      }
      if (own == null) {
        out.accept(Findings.at(this, item, a, "box '" + b.label() + "' has no polygon of the same object", null));
        continue;
      }
      double[] pb = bounds(own);
      double off = Math.max(Math.max(Math.abs(b.x() - pb[0]), Math.abs(b.y() - pb[1])),
          Math.max(Math.abs(b.x2() - pb[2]), Math.abs(b.y2() - pb[3])));
      if (off > tolerance) {
        out.accept(Findings.between(this, item, a, own, "box '" + b.label() + "' is " + Math.round(off * 10) / 10.0
            + " px off its polygon's bounds", off));
      }
    }
  }

  private static double[] bounds(Polygon p) {
    double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (int i = 0; i < p.vertexCount(); i++) {
      b[0] = Math.min(b[0], p.x(i));
      b[1] = Math.min(b[1], p.y(i));
      b[2] = Math.max(b[2], p.x(i));
      b[3] = Math.max(b[3], p.y(i));
    }
    return b;
  }

  public static final class Type implements RuleType {
    @Override public String name() { return "box-matches-polygon"; }

    @Override public Rule create(RuleSpec s) throws InputException {
      return new BoxMatchesPolygonRule(s.id(), s.severity(), AnnotationSelector.from(s), s.number("tolerance", 1));
    }
  }
}
