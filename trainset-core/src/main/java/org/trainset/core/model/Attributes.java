package org.trainset.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable, order-preserving attribute maps (JSON value types only). */
public final class Attributes {
  private Attributes() {}

  /** An unmodifiable copy that keeps insertion order; null becomes empty. */
  public static Map<String, Object> copyOf(Map<String, Object> source) {
    if (source == null || source.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(source));
  }

  /** A copy of {@code source} with one more entry (replacing an existing one). */
  public static Map<String, Object> with(Map<String, Object> source, String key, Object value) {
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>(source == null ? Map.of() : source);
    copy.put(key, value);
    return Collections.unmodifiableMap(copy);
  }
}
