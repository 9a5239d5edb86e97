package org.trainset.eval.coco;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** COCOeval.accumulate: precision/recall tables from the per-image evaluations. */
final class Accumulator {
  private static final double EPS = Math.ulp(1.0); // np.spacing(1)

  private Accumulator() {}

  static CocoEvalResult accumulate(CocoParams p, EvalImage[] evalImgs, int K, int A, int I, List<Long> catIds) {
    int T = p.iouThrs.length, R = p.recThrs.length, M = p.maxDets.length;
    double[][][][][] precision = new double[T][R][K][A][M];
    double[][][][] recall = new double[T][K][A][M];
    for (double[][][][] a : precision) for (double[][][] b : a) for (double[][] c : b) for (double[] d : c) Arrays.fill(d, -1);
    for (double[][][] a : recall) for (double[][] b : a) for (double[] c : b) Arrays.fill(c, -1);
    for (int k = 0; k < K; k++) {
      for (int a = 0; a < A; a++) {
        List<EvalImage> E = new ArrayList<>();
        for (int i = 0; i < I; i++) {
          EvalImage e = evalImgs[k * A * I + a * I + i];
          if (e != null) E.add(e);
        }
        if (E.isEmpty()) continue;
        for (int m = 0; m < M; m++) {
          int maxDet = p.maxDets[m];
          // concatenate each image's first maxDet detections in image order, then stable sort
          int total = 0;
          for (EvalImage e : E) total += Math.min(maxDet, e.dtScores().length);
          double[] scores = new double[total];
          long[][] dtm = new long[T][total];
          boolean[][] dtIg = new boolean[T][total];
          int npig = 0;
          int at = 0;
          for (EvalImage e : E) {
            int n = Math.min(maxDet, e.dtScores().length);
            System.arraycopy(e.dtScores(), 0, scores, at, n);
            for (int t = 0; t < T; t++) {
              System.arraycopy(e.dtMatches()[t], 0, dtm[t], at, n);
              System.arraycopy(e.dtIgnore()[t], 0, dtIg[t], at, n);
            }
            at += n;
            for (boolean ig : e.gtIgnore()) if (!ig) npig++;
          }
          if (npig == 0) continue;
          int[] inds = StableOrder.descending(scores);
          for (int t = 0; t < T; t++) {
            double[] tp = new double[total];
            double[] fp = new double[total];
            double tpSum = 0, fpSum = 0;
            for (int j = 0; j < total; j++) {
              int d = inds[j];
              if (!dtIg[t][d]) {
                if (dtm[t][d] != 0) tpSum++; else fpSum++;
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
    return new CocoEvalResult(p, catIds, precision, recall);
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
