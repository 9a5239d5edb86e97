package org.trainset.inspect.rules;

import org.trainset.core.issue.Severity;

import java.io.Serializable;
import org.trainset.core.model.Item;

/**
 * A checked guideline. Item rules look at one item at a time and keep no state, so the same
 * rule object runs in a live annotation editor, a CLI stream and Spark partitions alike.
 * Dataset rules ({@link #accumulator()} not null) gather what they need in a mergeable
 * {@link Accumulator} instead of remembering items.
 */
public interface Rule extends Serializable {
  String id();

  Severity severity();

  /** Findings about {@code item} alone; dataset rules leave this empty. */
  default void check(Item item, FindingSink out) { }

  /** A fresh accumulator for a dataset-level rule, or null for an item rule. */
  default Accumulator accumulator() {
    return null;
  }
}
