package org.trainset.core.sample;

/**
 * @param items   how many items to write
 * @param seed    random seed; same seed, same bytes
 * @param defects plant realistic mistakes for inspection rules to find
 */
public record SampleOptions(int items, long seed, boolean defects) {
  public SampleOptions {
    if (items < 1) throw new IllegalArgumentException("items must be at least 1, got " + items);
  }
}
