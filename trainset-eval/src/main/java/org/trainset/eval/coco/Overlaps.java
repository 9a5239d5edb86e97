package org.trainset.eval.coco;

import java.util.List;
import java.util.Map;
import org.trainset.eval.num.NumpySum;

/**
 * The overlap matrices COCOeval matches on, {@code [detection][ground truth]}: box IoU with
 * maskApi's {@code bbIou} arithmetic, mask IoU on RLE pixel sets, and keypoint OKS as
 * {@code computeOks}. Crowd ground truth divides by the detection's area only.
 */
final class Overlaps {
  private static final double EPS = Math.ulp(1.0); // np.spacing(1)

  private Overlaps() {}

  static double[][] boxes(List<CocoAnn> dt, List<CocoAnn> gt) {
    double[][] o = new double[dt.size()][gt.size()];
    for (int g = 0; g < gt.size(); g++) {
      double[] G = gt.get(g).bbox;
      boolean crowd = gt.get(g).iscrowd;
      double ga = G[2] * G[3];
      for (int d = 0; d < dt.size(); d++) {
        double[] D = dt.get(d).bbox;
        double da = D[2] * D[3];
        double w = Math.min(D[2] + D[0], G[2] + G[0]) - Math.max(D[0], G[0]);
        if (w <= 0) continue;
        double h = Math.min(D[3] + D[1], G[3] + G[1]) - Math.max(D[1], G[1]);
        if (h <= 0) continue;
        double i = w * h;
        double u = crowd ? da : da + ga - i;
        o[d][g] = i / u;
      }
    }
    return o;
  }

  static double[][] masks(List<CocoAnn> dt, List<CocoAnn> gt, Map<CocoAnn, RleMask> decoded) {
    double[][] o = new double[dt.size()][gt.size()];
    for (int g = 0; g < gt.size(); g++) {
      RleMask gm = decoded.get(gt.get(g));
      for (int d = 0; d < dt.size(); d++) {
        o[d][g] = RleMask.iou(decoded.get(dt.get(d)), gm, gt.get(g).iscrowd);
      }
    }
    return o;
  }

  static double[][] oks(List<CocoAnn> dt, List<CocoAnn> gt, double[] sigmas) {
    int k = sigmas.length;
    double[] vars = new double[k];
    for (int i = 0; i < k; i++) vars[i] = (sigmas[i] * 2) * (sigmas[i] * 2);
    double[][] o = new double[dt.size()][gt.size()];
    double[] e = new double[k];
    for (int j = 0; j < gt.size(); j++) {
      CocoAnn g = gt.get(j);
      double[] kg = g.keypoints;
      int k1 = 0;
      for (int i = 0; i < k; i++) if (kg[3 * i + 2] > 0) k1++;
      double[] bb = g.bbox;
      double x0 = bb[0] - bb[2], x1 = bb[0] + bb[2] * 2;
      double y0 = bb[1] - bb[3], y1 = bb[1] + bb[3] * 2;
      for (int d = 0; d < dt.size(); d++) {
        double[] kd = dt.get(d).keypoints;
        int n = 0;
        for (int i = 0; i < k; i++) {
          double xd = kd[3 * i], yd = kd[3 * i + 1];
          double dx, dy;
          if (k1 > 0) {
            if (kg[3 * i + 2] <= 0) continue;
            dx = xd - kg[3 * i];
            dy = yd - kg[3 * i + 1];
          } else {
            // no visible gt keypoint: distance outside the gt box enlarged by its size each side
            dx = Math.max(0, x0 - xd) + Math.max(0, xd - x1);
            dy = Math.max(0, y0 - yd) + Math.max(0, yd - y1);
          }
          double ei = (dx * dx + dy * dy) / vars[i] / (g.area + EPS) / 2;
          e[n++] = Math.exp(-ei);
        }
        o[d][j] = NumpySum.sum(e, 0, n) / n;
      }
    }
    return o;
  }
}
