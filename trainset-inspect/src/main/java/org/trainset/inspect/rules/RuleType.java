package org.trainset.inspect.rules;

import org.trainset.core.io.InputException;

/**
 * A kind of rule, named in packs by {@code type:}. Implementations are registered with
 * {@link java.util.ServiceLoader} in {@code META-INF/services/org.trainset.inspect.rules.RuleType};
 * {@link RuleTypes} is the one place that maps a pack's {@code type:} to code.
 */
public interface RuleType {
  /** The name packs use ({@code min-size}, {@code class-share}, ...). */
  String name();

  /** Builds a rule from its pack entry, rejecting bad parameters with an {@link InputException}. */
  Rule create(RuleSpec spec) throws InputException;
}
