package org.trainset.eval.classify;

import java.util.Arrays;
import org.trainset.eval.num.NumpySum;

/**
 * The ROC curve and its area as scikit-learn computes them ({@code roc_curve} with
 * {@code drop_intermediate=True}, {@code roc_auc_score}): one point per distinct score (tied
 * scores move the curve diagonally, never as a staircase in some arbitrary order), collinear
 * interior points dropped, a first point (0, 0) at threshold {@code max score + 1} (scikit-learn
 * 1.2; 1.3+ writes +inf there), and the area by the trapezoidal rule summed in numpy's order.
 */
public record RocCurve(double[] fpr, double[] tpr, double[] thresholds) {

  /** Builds the curve; requires both classes to be present. */
  public static RocCurve of(LabeledScores data) {
    int n = data.size();
    double[] s = data.scores();
    int[] y = data.labels();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> Double.compare(s[b], s[a]));
    // _binary_clf_curve: cumulative TP/FP at the last index of each distinct score
    double[] fps = new double[n];
    double[] tps = new double[n];
    double[] thr = new double[n];
    int m = 0;
    double tp = 0;
    for (int i = 0; i < n; i++) {
      tp += y[order[i]];
      boolean lastOfValue = i == n - 1 || s[order[i + 1]] != s[order[i]];
      if (lastOfValue) {
        tps[m] = tp;
        fps[m] = 1 + i - tp;
        thr[m] = s[order[i]];
        m++;
      }
    }
    int[] keep = new int[m];
    int k = 0;
    if (m > 2) {
      keep[k++] = 0;
      for (int i = 1; i < m - 1; i++) {
        // np.diff(x, 2) != 0: the point is a corner, not on the line through its neighbours
        double d2f = (fps[i + 1] - fps[i]) - (fps[i] - fps[i - 1]);
        double d2t = (tps[i + 1] - tps[i]) - (tps[i] - tps[i - 1]);
        if (d2f != 0 || d2t != 0) keep[k++] = i;
      }
      keep[k++] = m - 1;
    } else {
      for (int i = 0; i < m; i++) keep[k++] = i;
    }
    double[] fpr = new double[k + 1];
    double[] tpr = new double[k + 1];
    double[] thresholds = new double[k + 1];
    double fpsLast = fps[m - 1], tpsLast = tps[m - 1];
    thresholds[0] = thr[keep[0]] + 1;
    for (int i = 0; i < k; i++) {
      fpr[i + 1] = fpsLast <= 0 ? Double.NaN : fps[keep[i]] / fpsLast;
      tpr[i + 1] = tpsLast <= 0 ? Double.NaN : tps[keep[i]] / tpsLast;
      thresholds[i + 1] = thr[keep[i]];
    }
    if (fpsLast <= 0) fpr[0] = Double.NaN;
    if (tpsLast <= 0) tpr[0] = Double.NaN;
    return new RocCurve(fpr, tpr, thresholds);
  }

  /** Area under the curve: numpy.trapz(tpr, fpr). NaN when a class is missing. */
  public double auc() {
    int n = fpr.length;
    double[] parts = new double[Math.max(0, n - 1)];
    for (int i = 0; i + 1 < n; i++) parts[i] = (fpr[i + 1] - fpr[i]) * (tpr[i + 1] + tpr[i]) / 2.0;
    return NumpySum.sum(parts);
  }
}
