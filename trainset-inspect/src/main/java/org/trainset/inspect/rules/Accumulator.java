package org.trainset.inspect.rules;

import java.io.Serializable;
import org.trainset.core.model.Item;

/**
 * Dataset-level state of one rule: counts, sums, bitsets, never item lists. Partitions each fill
 * their own accumulator and the results are merged, so the answer does not depend on how the
 * dataset was split.
 */
public interface Accumulator extends Serializable {
  void add(Item item);

  /** Adds what {@code other} (an accumulator of the same rule) gathered. */
  void merge(Accumulator other);

  /** The dataset-level findings, once every item was added. */
  void finish(FindingSink out);
}
