package org.trainset.inspect.rules.item;

import org.trainset.inspect.rules.Findings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Box;
import org.trainset.core.model.Item;
import org.trainset.core.model.Points;
import org.trainset.inspect.rules.FindingSink;
import org.trainset.inspect.rules.Rule;
import org.trainset.inspect.rules.RuleSpec;
import org.trainset.inspect.rules.RuleType;
import org.trainset.core.issue.Severity;

/**
 * {@code keypoints-in-box}: a person's labelled keypoints (visibility 1 or 2) lie inside that
 * person's box, give or take {@code tolerance} px. The box belongs to the same person when it
 * shares the keypoints' group, or, without groups, their id (readers give both shapes of one
 * person the same id). A box cut at the neck leaves the head keypoints outside it. Points
 * without a box of their own are skipped.
 */
public record KeypointsInBoxRule(String id, Severity severity, AnnotationSelector select, double tolerance)
    implements Rule {

  @Override public void check(Item item, FindingSink out) {
    List<Box> boxes = new ArrayList<>();
    for (Annotation a : item.annotations()) if (a instanceof Box b) boxes.add(b);
    for (Annotation a : item.annotations()) {
      if (!(a instanceof Points p) || !select.matches(a)) continue;
      Box box = boxOf(p, boxes);
      if (box == null) continue;
      List<Integer> outside = new ArrayList<>();
      double worst = 0;
      int[] vis = p.visibility();
      for (int i = 0; i < p.count(); i++) {
        if (vis != null && vis.length > i && vis[i] == 0) continue;
        double dx = Math.max(box.x() - p.x(i), p.x(i) - box.x2());
        double dy = Math.max(box.y() - p.y(i), p.y(i) - box.y2());
        double d = Math.max(dx, dy);
        if (d > tolerance) {
          outside.add(i);
          worst = Math.max(worst, d);
        }
      }
      if (!outside.isEmpty()) {
        out.accept(Findings.between(this, item, a, box, "keypoint(s) " + outside + " of '" + a.label()
            + "' lie outside its box, the farthest by " + Math.round(worst * 10) / 10.0 + " px", worst));
      }
    }
  }

  private static Box boxOf(Points p, List<Box> boxes) {
    for (Box b : boxes) {
      if (p.meta().group() != null ? Objects.equals(p.meta().group(), b.meta().group())
          : p.meta().id() != null && p.meta().id().equals(b.meta().id())) {
        return b;
      }
    }
    return null;
  }

  public static final class Type implements RuleType {
    @Override public String name() { return "keypoints-in-box"; }

    @Override public Rule create(RuleSpec s) throws InputException {
      return new KeypointsInBoxRule(s.id(), s.severity(), AnnotationSelector.from(s), s.number("tolerance", 0));
    }
  }
}
