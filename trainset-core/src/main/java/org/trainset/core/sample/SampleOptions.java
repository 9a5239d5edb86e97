package org.trainset.core.sample;

/**
 * @param items   how many items to write
 * @param seed    random seed; same seed, same bytes
 * @param defects plant realistic mistakes for inspection rules to find
 * @param layout  one of the generator's {@link SampleGenerator#layouts()}, or null for its usual one
 */
public record SampleOptions(int items, long seed, boolean defects, String layout) {
  public SampleOptions {
    if (items < 1) throw new IllegalArgumentException("items must be at least 1, got " + items);
  }

  /** The generator's usual layout. */
  public SampleOptions(int items, long seed, boolean defects) {
    this(items, seed, defects, null);
  }
}
