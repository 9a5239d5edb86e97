package org.trainset.inspect.agreement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The categories seen in ratings, in order: numerically when every value is a number, else by
 * text. Order matters for weighted κ and ordinal α, and matches scikit-learn's sorted labels.
 */
final class Categories {
  private final List<Object> ordered;
  private final Map<Object, Integer> index = new HashMap<>();

  private Categories(List<Object> ordered) {
    this.ordered = ordered;
    for (int i = 0; i < ordered.size(); i++) index.put(ordered.get(i), i);
  }

  @SafeVarargs
  static Categories of(Collection<?>... ratings) {
    boolean numeric = true;
    List<Object> all = new ArrayList<>();
    for (Collection<?> r : ratings) {
      for (Object v : r) {
        if (v == null) continue;
        all.add(v);
        if (!(v instanceof Number)) numeric = false;
      }
    }
    List<Object> ordered = new ArrayList<>();
    if (numeric) {
      TreeSet<Double> seen = new TreeSet<>();
      for (Object v : all) seen.add(((Number) v).doubleValue());
      ordered.addAll(seen);
    } else {
      TreeSet<String> seen = new TreeSet<>();
      for (Object v : all) seen.add(v.toString());
      ordered.addAll(seen);
    }
    return new Categories(ordered);
  }

  int size() {
    return ordered.size();
  }

  int index(Object value) {
    Object key = value instanceof Number n && ordered.get(0) instanceof Double ? (Object) n.doubleValue() : value.toString();
    Integer i = index.get(key);
    if (i == null) throw new IllegalArgumentException("unknown category " + value);
    return i;
  }

  /** The numeric value of category {@code i} (for interval metrics). */
  double number(int i) {
    Object v = ordered.get(i);
    if (v instanceof Double d) return d;
    try {
      return Double.parseDouble(v.toString());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("interval metric needs numeric values, got '" + v + "'");
    }
  }
}
