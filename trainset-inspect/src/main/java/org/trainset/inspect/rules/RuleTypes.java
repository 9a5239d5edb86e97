package org.trainset.inspect.rules;

import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.trainset.core.io.InputException;

/** The registered rule types by name: the single mapping from a pack's {@code type:} to a class. */
public final class RuleTypes {
  private static final RuleTypes INSTALLED = new RuleTypes(ServiceLoader.load(RuleType.class));
  private final Map<String, RuleType> byName;

  public RuleTypes(Iterable<RuleType> types) {
    Map<String, RuleType> map = new TreeMap<>();
    for (RuleType t : types) {
      RuleType previous = map.put(t.name(), t);
      if (previous != null && previous.getClass() != t.getClass()) {
        throw new IllegalStateException("two rule types claim '" + t.name() + "': "
            + previous.getClass().getName() + " and " + t.getClass().getName());
      }
    }
    this.byName = Collections.unmodifiableMap(map);
  }

  /** The types found on the class path. */
  public static RuleTypes installed() {
    return INSTALLED;
  }

  public Map<String, RuleType> all() {
    return byName;
  }

  public Rule create(RuleSpec spec) throws InputException {
    RuleType type = byName.get(spec.type());
    if (type == null) {
      throw spec.error("unknown rule type; known: " + String.join(", ", byName.keySet()));
    }
    return type.create(spec);
  }
}
