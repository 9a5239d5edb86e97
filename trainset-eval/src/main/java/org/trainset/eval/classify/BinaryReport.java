package org.trainset.eval.classify;

import java.util.LinkedHashMap;
import java.util.Map;

/** Everything {@code eval classify} reports for one set of samples (a fold, or all of them). */
public record BinaryReport(String name, int samples, int positives, Confusion confusion, RocCurve roc,
                           double auc, DeLong.Interval ci) {

  public static BinaryReport of(String name, LabeledScores data, double threshold) {
    int pos = data.positives();
    boolean bothClasses = pos > 0 && pos < data.size();
    RocCurve roc = data.size() == 0 ? null : RocCurve.of(data);
    double auc = bothClasses ? roc.auc() : Double.NaN;
    return new BinaryReport(name, data.size(), pos, Confusion.at(data, threshold), roc, auc, DeLong.interval95(data));
  }

  /** The scalar metrics by name, in display order (NaN where undefined). */
  public Map<String, Double> metrics() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("auc", auc);
    m.put("sensitivity", confusion.sensitivity());
    m.put("specificity", confusion.specificity());
    m.put("ppv", confusion.ppv());
    m.put("npv", confusion.npv());
    m.put("accuracy", confusion.accuracy());
    return m;
  }
}
