package org.trainset.inspect.rules.item;

import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationType;
import org.trainset.inspect.rules.RuleSpec;

/**
 * Which annotations an item rule looks at, from the common pack keys {@code labels:} (empty: all),
 * {@code types:} (annotation kinds: box, polygon, ...; empty: all) and {@code where:} (attribute
 * → allowed values, e.g. {@code where: {class: [word, character]}}).
 */
public record AnnotationSelector(Set<String> labels, Set<AnnotationType> types,
                                 Map<String, Set<String>> where) implements Serializable {

  public static AnnotationSelector from(RuleSpec spec) throws InputException {
    Set<AnnotationType> types = new LinkedHashSet<>();
    for (String t : spec.strings("types")) {
      try {
        types.add(AnnotationType.fromKey(t.replace('-', '_')));
      } catch (IllegalArgumentException e) {
        throw spec.error("unknown annotation type '" + t + "' in 'types'");
      }
    }
    return new AnnotationSelector(spec.stringSet("labels"), types, spec.stringSetMap("where"));
  }

  public boolean matches(Annotation a) {
    if (!labels.isEmpty() && !labels.contains(a.label())) return false;
    if (!types.isEmpty() && !types.contains(a.type())) return false;
    for (var e : where.entrySet()) {
      Object v = a.meta().attributes().get(e.getKey());
      if (v == null || !e.getValue().contains(String.valueOf(v))) return false;
    }
    return true;
  }
}
