package org.trainset.eval.coco;

import java.util.ArrayList;
import java.util.List;
import org.trainset.eval.num.NumpySum;

/**
 * The accumulated tables ({@code eval['precision']} [T][R][K][A][M] and {@code eval['recall']}
 * [T][K][A][M]) and COCOeval.summarize's numbers: 12 stats for boxes and masks, 10 for keypoints.
 */
public final class CocoEvalResult {
  private final CocoParams p;
  private final List<Long> catIds;
  final double[][][][][] precision;
  final double[][][][] recall;

  CocoEvalResult(CocoParams p, List<Long> catIds, double[][][][][] precision, double[][][][] recall) {
    this.p = p;
    this.catIds = catIds;
    this.precision = precision;
    this.recall = recall;
  }

  /** One summary line's meaning, for tables. */
  public record Stat(boolean ap, Double iouThr, String area, int maxDets, double value) {
    public String label() {
      String iou = iouThr == null ? "0.50:0.95" : String.format(java.util.Locale.ROOT, "%.2f", iouThr);
      return String.format(java.util.Locale.ROOT, "%s @[ IoU=%-9s | area=%6s | maxDets=%3d ]",
          ap ? "Average Precision  (AP)" : "Average Recall     (AR)", iou, area, maxDets);
    }
  }

  public List<Stat> summary() {
    List<Stat> s = new ArrayList<>();
    if (p.iouType == IouType.KEYPOINTS) {
      s.add(stat(true, null, "all", 20));
      s.add(stat(true, .5, "all", 20));
      s.add(stat(true, .75, "all", 20));
      s.add(stat(true, null, "medium", 20));
      s.add(stat(true, null, "large", 20));
      s.add(stat(false, null, "all", 20));
      s.add(stat(false, .5, "all", 20));
      s.add(stat(false, .75, "all", 20));
      s.add(stat(false, null, "medium", 20));
      s.add(stat(false, null, "large", 20));
    } else {
      int[] md = p.maxDets;
      s.add(stat(true, null, "all", md[2]));
      s.add(stat(true, .5, "all", md[2]));
      s.add(stat(true, .75, "all", md[2]));
      s.add(stat(true, null, "small", md[2]));
      s.add(stat(true, null, "medium", md[2]));
      s.add(stat(true, null, "large", md[2]));
      s.add(stat(false, null, "all", md[0]));
      s.add(stat(false, null, "all", md[1]));
      s.add(stat(false, null, "all", md[2]));
      s.add(stat(false, null, "small", md[2]));
      s.add(stat(false, null, "medium", md[2]));
      s.add(stat(false, null, "large", md[2]));
    }
    return s;
  }

  /** The {@code stats} array in pycocotools' order. */
  public double[] stats() {
    return summary().stream().mapToDouble(Stat::value).toArray();
  }

  private Stat stat(boolean ap, Double iouThr, String area, int maxDets) {
    return new Stat(ap, iouThr, area, maxDets, mean(ap, iouThr, area, maxDets, -1));
  }

  /** Per-category AP (IoU .50:.95, .50, .75) and AR at area all and the largest maxDets. */
  public record CategoryResult(long categoryId, double ap, double ap50, double ap75, double ar) {}

  public List<CategoryResult> perCategory() {
    List<CategoryResult> out = new ArrayList<>();
    int md = p.maxDet();
    for (int k = 0; k < catIds.size(); k++) {
      out.add(new CategoryResult(catIds.get(k), mean(true, null, "all", md, k), mean(true, .5, "all", md, k),
          mean(true, .75, "all", md, k), mean(false, null, "all", md, k)));
    }
    return out;
  }

  /** Precision at the 101 recall thresholds for IoU index t, area all, largest maxDets, category k. */
  public double[] precisionCurve(int t, int k) {
    double[] out = new double[p.recThrs.length];
    int m = p.maxDets.length - 1;
    for (int r = 0; r < out.length; r++) out[r] = precision[t][r][k][0][m];
    return out;
  }

  public double[] recallThresholds() {
    return p.recThrs.clone();
  }

  public double[] iouThresholds() {
    return p.iouThrs.clone();
  }

  public List<Long> categoryIds() {
    return catIds;
  }

  /**
   * _summarize: select IoU thresholds (all, or where iouThr == iouThrs), area and maxDets, keep
   * entries > -1 in C order (t, r, k) and take numpy's mean; -1 when nothing is left. A
   * category index k >= 0 restricts to one category (the per-category numbers).
   */
  private double mean(boolean ap, Double iouThr, String area, int maxDets, int onlyK) {
    int a = p.areaRngLbl.indexOf(area);
    int m = -1;
    for (int i = 0; i < p.maxDets.length; i++) if (p.maxDets[i] == maxDets) m = i;
    if (a < 0 || m < 0) return -1;
    int T = p.iouThrs.length, R = p.recThrs.length, K = catIds.size();
    double[] vals = new double[T * Math.max(R, 1) * Math.max(K, 1)];
    int n = 0;
    for (int t = 0; t < T; t++) {
      if (iouThr != null && p.iouThrs[t] != iouThr) continue;
      if (ap) {
        for (int r = 0; r < R; r++) {
          for (int k = 0; k < K; k++) {
            if (onlyK >= 0 && k != onlyK) continue;
            double v = precision[t][r][k][a][m];
            if (v > -1) vals[n++] = v;
          }
        }
      } else {
        for (int k = 0; k < K; k++) {
          if (onlyK >= 0 && k != onlyK) continue;
          double v = recall[t][k][a][m];
          if (v > -1) vals[n++] = v;
        }
      }
    }
    return n == 0 ? -1 : NumpySum.mean(vals, n);
  }
}
