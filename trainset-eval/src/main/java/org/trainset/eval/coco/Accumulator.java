package org.trainset.eval.coco;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** COCOeval.accumulate: precision/recall tables from the per-image evaluations. */
final class Accumulator {
  private static final double EPS = Math.ulp(1.0); // np.spacing(1)

  private final CocoParams p;
  private final double[][][][][] precision;
  private final double[][][][] recall;

  Accumulator(CocoParams p, int K) {
    this.p = p;
    int T = p.iouThrs.length, R = p.recThrs.length, A = p.areaRng.length, M = p.maxDets.length;
    precision = new double[T][R][K][A][M];
    recall = new double[T][K][A][M];
    for (double[][][][] a : precision) for (double[][][] b : a) for (double[][] c : b) for (double[] d : c) Arrays.fill(d, -1);
    for (double[][][] a : recall) for (double[][] b : a) for (double[] c : b) Arrays.fill(c, -1);
  }

  CocoEvalResult result(List<Long> catIds) {
    return new CocoEvalResult(p, catIds, precision, recall);
  }

  /** Accumulates category k from its evaluations, indexed {@code a * I + i} (null = nothing there). */
  void category(int k, EvalImage[] evalImgs, int A, int I) {
    int T = p.iouThrs.length, R = p.recThrs.length, M = p.maxDets.length;
    for (int a = 0; a < A; a++) {
      List<EvalImage> E = new ArrayList<>();
      for (int i = 0; i < I; i++) {
        EvalImage e = evalImgs[a * I + i];
        if (e != null) E.add(e);
      }
      if (E.isEmpty()) continue;
      for (int m = 0; m < M; m++) {
        int maxDet = p.maxDets[m];
        // concatenate each image's first maxDet detections in image order, then stable sort
        int total = 0;
        for (EvalImage e : E) total += Math.min(maxDet, e.dtScores().length);
        double[] scores = new double[total];
        byte[][] flags = new byte[T][total];
        int npig = 0;
        int at = 0;
        for (EvalImage e : E) {
          int D = e.detections();
          int n = Math.min(maxDet, D);
          System.arraycopy(e.dtScores(), 0, scores, at, n);
          for (int t = 0; t < T; t++) System.arraycopy(e.dtFlags(), t * D, flags[t], at, n);
          at += n;
          npig += e.gtNotIgnored();
        }
        if (npig == 0) continue;
        int[] inds = StableOrder.descending(scores);
        for (int t = 0; t < T; t++) {
          double[] tp = new double[total];
          double[] fp = new double[total];
          double tpSum = 0, fpSum = 0;
          for (int j = 0; j < total; j++) {
            int d = inds[j];
            if ((flags[t][d] & EvalImage.IGNORED) == 0) {
              if ((flags[t][d] & EvalImage.MATCHED) != 0) tpSum++; else fpSum++;
            }
            tp[j] = tpSum;
            fp[j] = fpSum;
          }
          int nd = total;
          double[] rc = new double[nd];
          double[] pr = new double[nd];
          for (int j = 0; j < nd; j++) {
            rc[j] = tp[j] / npig;
            pr[j] = tp[j] / (fp[j] + tp[j] + EPS);
          }
          recall[t][k][a][m] = nd > 0 ? rc[nd - 1] : 0;
          for (int j = nd - 1; j > 0; j--) {
            if (pr[j] > pr[j - 1]) pr[j - 1] = pr[j];
          }
          for (int r = 0; r < R; r++) {
            int pi = searchsortedLeft(rc, p.recThrs[r]);
            precision[t][r][k][a][m] = pi < nd ? pr[pi] : 0;
          }
        }
      }
    }
  }

  /** numpy.searchsorted(a, v, side='left'): first index with a[i] >= v. */
  static int searchsortedLeft(double[] a, double v) {
    int lo = 0, hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < v) lo = mid + 1; else hi = mid;
    }
    return lo;
  }
}
