package org.trainset.inspect.rules.dataset;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/** Mergeable totals by key: the state behind share, ratio and duration rules. */
final class Counts implements Serializable {
  final Map<String, Double> byKey = new TreeMap<>();
  double total;

  void add(String key, double amount) {
    byKey.merge(key, amount, Double::sum);
    total += amount;
  }

  void merge(Counts other) {
    other.byKey.forEach((k, v) -> byKey.merge(k, v, Double::sum));
    total += other.total;
  }

  double get(String key) {
    return byKey.getOrDefault(key, 0.0);
  }

  double share(String key) {
    return total == 0 ? 0 : get(key) / total;
  }

  static double round4(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
