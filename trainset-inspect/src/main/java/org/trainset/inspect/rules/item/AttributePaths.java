package org.trainset.inspect.rules.item;

import java.util.Map;

/**
 * Looks up an attribute by name, or, when no attribute has that exact name, by a dotted path into
 * nested maps ({@code ontology.class} is the {@code class} of the {@code ontology} object, as
 * JSON-based family readers keep nested records).
 */
final class AttributePaths {
  private AttributePaths() {}

  static Object get(Map<String, Object> attributes, String name) {
    Object direct = attributes.get(name);
    if (direct != null || !name.contains(".")) return direct;
    Object at = attributes;
    for (String part : name.split("\\.")) {
      if (!(at instanceof Map<?, ?> m)) return null;
      at = m.get(part);
    }
    return at;
  }
}
