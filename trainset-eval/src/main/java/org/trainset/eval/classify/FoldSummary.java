package org.trainset.eval.classify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mean and sample standard deviation (n − 1) of each metric across cross-validation folds; a
 * fold where a metric is undefined (NaN) is left out of that metric's figures, and {@code n}
 * says how many folds counted.
 */
public final class FoldSummary {
  public record MeanSd(double mean, double sd, int n) {}

  private FoldSummary() {}

  public static Map<String, MeanSd> of(List<BinaryReport> folds) {
    Map<String, MeanSd> out = new LinkedHashMap<>();
    if (folds.isEmpty()) return out;
    for (String metric : folds.get(0).metrics().keySet()) {
      double sum = 0;
      int n = 0;
      for (BinaryReport f : folds) {
        double v = f.metrics().get(metric);
        if (!Double.isNaN(v)) {
          sum += v;
          n++;
        }
      }
      double mean = n == 0 ? Double.NaN : sum / n;
      double ss = 0;
      for (BinaryReport f : folds) {
        double v = f.metrics().get(metric);
        if (!Double.isNaN(v)) ss += (v - mean) * (v - mean);
      }
      out.put(metric, new MeanSd(mean, n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN, n));
    }
    return out;
  }
}
