package org.trainset.refine.text;

import java.util.List;

/**
 * What a dedup run decided, by input index.
 *
 * @param removed        true for every input index that is dropped
 * @param removals       one entry per dropped index, ordered by its id ({@link IdOrder})
 * @param pairs          every verified duplicate pair (exact pairs with their group's
 *                       representative, near pairs as verified), ordered by (first, second) index
 * @param lsh            the band/row split used
 * @param candidatePairs LSH candidate pairs checked by exact Jaccard
 * @param canonical      per input index, the index of its exact group's first text (the one
 *                       near-duplicate search ran on), or −1 for an item without text
 */
public record DedupResult(boolean[] removed, List<Removal> removals, List<Pair> pairs, LshParams lsh,
                          long candidatePairs, int[] canonical) {

  /** A verified duplicate pair of input indexes, {@code first < second}. */
  public record Pair(int first, int second, double similarity, boolean exact) {}

  /**
   * One dropped text.
   *
   * @param index          its input index
   * @param match          the kept-or-dropped text it was found similar to (its best verified pair)
   * @param representative the text its cluster keeps (lowest id)
   * @param similarity     Jaccard similarity with {@code match} (1.0 for exact duplicates)
   * @param exact          equal after normalisation (rule {@code exact}) rather than near ({@code near})
   */
  public record Removal(int index, int match, int representative, double similarity, boolean exact) {
    public String rule() {
      return exact ? "exact" : "near";
    }
  }

  public long removedCount() {
    return removals.size();
  }

  public long removedExact() {
    return removals.stream().filter(Removal::exact).count();
  }
}
