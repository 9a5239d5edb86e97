package org.trainset.inspect.agreement;

import java.util.ArrayList;
import java.util.List;

/**
 * Krippendorff's α for any number of coders, missing values allowed (Krippendorff, "Computing
 * Krippendorff's Alpha-Reliability", 2011): values are paired within each unit into a
 * coincidence matrix o (each pair weighted 1/(m_u − 1)), then α = 1 − D_o / D_e with the
 * metric's squared difference δ².
 */
public final class KrippendorffAlpha {
  public enum Metric { NOMINAL, ORDINAL, INTERVAL }

  private KrippendorffAlpha() {}

  /**
   * @param units one list per unit (item) with each coder's value, null where a coder gave none
   */
  public static double of(List<? extends List<?>> units, Metric metric) {
    List<Object> all = new ArrayList<>();
    for (List<?> u : units) all.addAll(u);
    Categories cats = Categories.of(all);
    int k = cats.size();
    double[][] o = new double[k][k];
    for (List<?> u : units) {
      List<Integer> vals = new ArrayList<>();
      for (Object v : u) {
        if (v != null) vals.add(cats.index(v));
      }
      int m = vals.size();
      if (m < 2) continue; // a lone value cannot be paired
      for (int a = 0; a < m; a++) {
        for (int b = 0; b < m; b++) {
          if (a != b) o[vals.get(a)][vals.get(b)] += 1.0 / (m - 1);
        }
      }
    }
    double[] nc = new double[k];
    double n = 0;
    for (int c = 0; c < k; c++) {
      for (int d = 0; d < k; d++) nc[c] += o[c][d];
      n += nc[c];
    }
    if (n <= 1) throw new IllegalArgumentException("no pairable values");
    double observed = 0;
    double expected = 0;
    for (int c = 0; c < k; c++) {
      for (int d = 0; d < k; d++) {
        double delta = delta2(metric, cats, nc, c, d);
        observed += o[c][d] * delta;
        expected += nc[c] * nc[d] * delta;
      }
    }
    if (expected == 0) return 1; // a single category everywhere: perfect (and trivial) agreement
    return 1 - (n - 1) * observed / expected;
  }

  private static double delta2(Metric metric, Categories cats, double[] nc, int c, int d) {
    if (c == d) return 0;
    return switch (metric) {
      case NOMINAL -> 1;
      case INTERVAL -> {
        double diff = cats.number(c) - cats.number(d);
        yield diff * diff;
      }
      case ORDINAL -> {
        int lo = Math.min(c, d);
        int hi = Math.max(c, d);
        double sum = 0;
        for (int g = lo; g <= hi; g++) sum += nc[g];
        double v = sum - (nc[c] + nc[d]) / 2;
        yield v * v;
      }
    };
  }
}
