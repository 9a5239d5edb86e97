package org.trainset.inspect.rules;

import java.io.Serializable;
import java.util.Map;
import java.util.Set;
import org.trainset.core.model.Item;

/**
 * The optional {@code when:} of a pack entry: the rule applies only to items whose attributes
 * take one of the listed values ({@code when: {pathology: [benign, normal]}}).
 */
public record ItemFilter(Map<String, Set<String>> required) implements Serializable {
  public static final ItemFilter ALL = new ItemFilter(Map.of());

  public boolean matches(Item item) {
    for (var e : required.entrySet()) {
      Object v = item.attributes().get(e.getKey());
      if (v == null || !e.getValue().contains(String.valueOf(v))) return false;
    }
    return true;
  }
}
