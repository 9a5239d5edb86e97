package org.trainset.inspect.rules.item;

import java.util.Map;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaKind;
import org.trainset.core.model.MediaRef;
import org.trainset.inspect.rules.Findings;
import org.trainset.inspect.rules.FindingSink;
import org.trainset.inspect.rules.Rule;
import org.trainset.inspect.rules.RuleSpec;
import org.trainset.inspect.rules.RuleType;
import org.trainset.core.issue.Severity;

/**
 * {@code image-size-by-attribute}: an image matches the shooting condition its item declares
 * where the condition is a size (faces: {@code resolution} High / Middle / Low): the longer side
 * of the item's first image lies within {@code min-side}/{@code max-side} given per value of
 * {@code attribute}. Sizes come from the image headers the readers record; an item without the
 * attribute, a value with no bounds or an image of unknown size is not judged.
 */
public record ImageSizeByAttributeRule(String id, Severity severity, String attribute, Map<String, Double> minSide,
                                       Map<String, Double> maxSide) implements Rule {

  @Override public void check(Item item, FindingSink out) {
    Object v = AttributePaths.get(item.attributes(), attribute);
    if (v == null) return;
    String value = String.valueOf(v);
    Double min = minSide.get(value);
    Double max = maxSide.get(value);
    if (min == null && max == null) return;
    MediaRef m = item.media().stream().filter(r -> r.kind() == MediaKind.IMAGE && r.hasSize()).findFirst().orElse(null);
    if (m == null) return;
    int side = Math.max(m.width(), m.height());
    if ((min != null && side < min) || (max != null && side > max)) {
      out.accept(Findings.at(this, item, attribute + " '" + value + "' but the image is " + m.width() + "x" + m.height()
          + " (longer side " + side + ", expected " + (min == null ? "" : "≥ " + Math.round(min))
          + (min != null && max != null ? " and " : "") + (max == null ? "" : "≤ " + Math.round(max)) + ")", side));
    }
  }

  public static final class Type implements RuleType {
    @Override public String name() { return "image-size-by-attribute"; }

    @Override public Rule create(RuleSpec s) throws InputException {
      Map<String, Double> min = s.numberMap("min-side");
      Map<String, Double> max = s.numberMap("max-side");
      if (min.isEmpty() && max.isEmpty()) throw s.error("give min-side and/or max-side per attribute value");
      return new ImageSizeByAttributeRule(s.id(), s.severity(), s.string("attribute"), Map.copyOf(min), Map.copyOf(max));
    }
  }
}
