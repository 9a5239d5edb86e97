package org.trainset.publish;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Item;

/**
 * The choice of a release's sample: K items stratified by (subset, main label), each stratum
 * getting its share of K by the largest-remainder method, and within a stratum the items whose
 * seeded hash is smallest. The choice depends only on the items, their order and the seed, so the
 * same input gives the same sample on every machine.
 *
 * <p>Memory: one small record per item (ordinal, stratum, hash), not the items themselves.
 */
final class SampleSubset {
  private record Candidate(long ordinal, long hash) {}

  private final long seed;
  private final Map<String, List<Candidate>> strata = new TreeMap<>();
  private long items;

  SampleSubset(long seed) {
    this.seed = seed;
  }

  /** The stratum of an item: its subset and its most frequent label (ties: the smallest name), or "" without labels. */
  static String stratum(Item item) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Annotation a : item.annotations()) {
      if (a.label() != null) counts.merge(a.label(), 1, Integer::sum);
    }
    String main = "";
    int best = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() > best) {
        best = e.getValue();
        main = e.getKey();
      }
    }
    return (item.subset() == null ? "" : item.subset()) + "\u0000" + main;
  }

  void add(Item item) {
    long ordinal = items++;
    strata.computeIfAbsent(stratum(item), k -> new ArrayList<>()).add(new Candidate(ordinal, hash(item.id(), ordinal)));
  }

  long items() {
    return items;
  }

  /** SplitMix64 over the seed, the item's id and its position: stable across JVMs, unlike String.hashCode mixes. */
  private long hash(String id, long ordinal) {
    long h = seed ^ 0x9E3779B97F4A7C15L;
    byte[] bytes = (id == null ? "" : id).getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) h = mix(h + (b & 0xff));
    return mix(h + ordinal);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The ordinals of the chosen items (all of them when {@code size} is at least the item count). */
  BitSet choose(int size) {
    BitSet chosen = new BitSet();
    if (items == 0 || size <= 0) return chosen;
    int k = (int) Math.min(size, items);
    List<String> keys = new ArrayList<>(strata.keySet());
    int[] quota = new int[keys.size()];
    double[] remainder = new double[keys.size()];
    int given = 0;
    for (int i = 0; i < keys.size(); i++) {
      double exact = (double) k * strata.get(keys.get(i)).size() / items;
      quota[i] = (int) Math.floor(exact);
      remainder[i] = exact - quota[i];
      given += quota[i];
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) order.add(i);
    // Largest remainders first; equal remainders by stratum name, so ties break the same way every run.
    order.sort(Comparator.comparingDouble((Integer i) -> -remainder[i]).thenComparing(i -> keys.get(i)));
    for (int j = 0; given < k; j++, given++) quota[order.get(j % order.size())]++;
    for (int i = 0; i < keys.size(); i++) {
      List<Candidate> c = new ArrayList<>(strata.get(keys.get(i)));
      c.sort(Comparator.comparingLong(Candidate::hash).thenComparingLong(Candidate::ordinal));
      for (int j = 0; j < Math.min(quota[i], c.size()); j++) chosen.set((int) c.get(j).ordinal());
    }
    return chosen;
  }
}
