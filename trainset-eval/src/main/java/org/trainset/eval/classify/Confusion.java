package org.trainset.eval.classify;

/**
 * The confusion matrix at a threshold (a sample is predicted positive when its score is
 * {@code >= threshold}) and the rates read from it. A rate whose denominator is 0 is NaN
 * (scikit-learn would warn and report 0).
 */
public record Confusion(double threshold, long tp, long fp, long tn, long fn) {
  public static Confusion at(LabeledScores data, double threshold) {
    long tp = 0, fp = 0, tn = 0, fn = 0;
    for (int i = 0; i < data.size(); i++) {
      boolean predicted = data.scores()[i] >= threshold;
      boolean actual = data.labels()[i] == 1;
      if (predicted && actual) tp++;
      else if (predicted) fp++;
      else if (actual) fn++;
      else tn++;
    }
    return new Confusion(threshold, tp, fp, tn, fn);
  }

  public double sensitivity() {
    return ratio(tp, tp + fn);
  }

  public double specificity() {
    return ratio(tn, tn + fp);
  }

  public double ppv() {
    return ratio(tp, tp + fp);
  }

  public double npv() {
    return ratio(tn, tn + fn);
  }

  public double accuracy() {
    return ratio(tp + tn, tp + tn + fp + fn);
  }

  private static double ratio(long a, long b) {
    return b == 0 ? Double.NaN : (double) a / (double) b;
  }
}
