package org.trainset.refine.images;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each item's set of labels (what {@code --per-label} compares), interned: a collection has few
 * distinct sets, so an item costs one int instead of its own list of strings.
 */
final class LabelSets {
  private final Map<List<String>, Integer> ids = new HashMap<>();
  private final List<List<String>> sets = new ArrayList<>();
  private int[] of = new int[1024];
  private int size;

  /** Records the labels of the next item. */
  void add(List<String> labels) {
    Integer id = ids.get(labels);
    if (id == null) {
      id = sets.size();
      ids.put(labels, id);
      sets.add(labels);
    }
    if (size == of.length) of = Arrays.copyOf(of, size * 2);
    of[size++] = id;
  }

  List<String> of(int item) {
    return sets.get(of[item]);
  }

  /** Whether items {@code a} and {@code b} may be merged: always, or with perLabel when they share a label (or both have none). */
  boolean compatible(int a, int b, ImageDedup.Options options) {
    if (!options.perLabel() || of[a] == of[b]) return true;
    List<String> x = of(a), y = of(b);
    if (x.isEmpty() && y.isEmpty()) return true;
    for (String l : x) if (y.contains(l)) return true;
    return false;
  }
}
