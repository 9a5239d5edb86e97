package org.trainset.inspect.rules.item;

import org.trainset.core.geometry.Shapes;
import org.trainset.inspect.rules.Findings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
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
 * {@code no-overlap}: selected boxes/polygons (e.g. sidewalk surfaces) share no more than
 * {@code min-area} px². An {@code exceptions} entry allows a smaller shape drawn on top of a larger
 * one when the top shape matches its {@code labels}/{@code where}, the one beneath has a label in
 * {@code under} (any when absent) and, with {@code max-width}, the top shape's strip width
 * (2 × area / perimeter) is below it. "On top" is the higher z-order, then the later annotation.
 */
public record NoOverlapRule(String id, Severity severity, AnnotationSelector select, double minArea,
                            List<Exception> exceptions) implements Rule {

  /** One allowed way of overlapping. */
  public record Exception(AnnotationSelector top, Set<String> under, double maxWidth) implements Serializable {
    boolean allows(Annotation topShape, Annotation bottom) {
      if (!top.matches(topShape)) return false;
      if (!under.isEmpty() && !under.contains(bottom.label())) return false;
      if (Shapes.area(topShape) >= Shapes.area(bottom)) return false;
      return maxWidth <= 0 || Shapes.stripWidth(topShape) < maxWidth;
    }
  }

  @Override public void check(Item item, FindingSink out) {
    List<Annotation> anns = item.annotations();
    List<Integer> chosen = new ArrayList<>();
    for (int i = 0; i < anns.size(); i++) {
      if (select.matches(anns.get(i)) && Shapes.outline(anns.get(i)) != null) chosen.add(i);
    }
    for (int x = 0; x < chosen.size(); x++) {
      for (int y = x + 1; y < chosen.size(); y++) {
        Annotation first = anns.get(chosen.get(x));
        Annotation second = anns.get(chosen.get(y));
        // y comes later in the list: it is on top unless its z-order is lower.
        boolean secondOnTop = second.meta().zOrder() >= first.meta().zOrder();
        Annotation top = secondOnTop ? second : first;
        Annotation bottom = secondOnTop ? first : second;
        double shared = Shapes.intersectionArea(top, bottom);
        if (shared <= minArea || allowed(top, bottom)) continue;
        out.accept(Findings.between(this, item, top, bottom, "'" + top.label() + "' overlaps '" + bottom.label() + "' ("
            + Findings.annotationKey(item, bottom) + ") by " + MinSizeRule.round(shared) + " px²",
            MinSizeRule.round(shared)));
      }
    }
  }

  private boolean allowed(Annotation top, Annotation bottom) {
    for (Exception e : exceptions) {
      if (e.allows(top, bottom)) return true;
    }
    return false;
  }

  public static final class Type implements RuleType {
    @Override public String name() { return "no-overlap"; }

    @Override public Rule create(RuleSpec s) throws InputException {
      List<Exception> exceptions = new ArrayList<>();
      JsonNode list = s.node("exceptions");
      if (list != null && !list.isNull()) {
        if (!list.isArray()) throw s.error("'exceptions' must be a list");
        for (JsonNode e : list) {
          if (!e.isObject()) throw s.error("each exception is a map (labels, where, under, max-width)");
          RuleSpec sub = new RuleSpec(s.pack(), s.id(), s.type(), s.severity(), (ObjectNode) e);
          exceptions.add(new Exception(AnnotationSelector.from(sub), sub.stringSet("under"),
              sub.number("max-width", 0)));
        }
      }
      return new NoOverlapRule(s.id(), s.severity(), AnnotationSelector.from(s), s.number("min-area", 1),
          List.copyOf(exceptions));
    }
  }
}
