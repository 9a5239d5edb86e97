package org.trainset.eval.coco;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trainset.core.progress.Progress;

/**
 * pycocotools' COCOeval {@code evaluate()} and {@code accumulate()}, step for step: per image and
 * category, detections sorted stably by score and cut to maxDets; overlaps against ground truth
 * in file order; greedy matching per IoU threshold with ignored ground truth last; then, per
 * category, area range and maxDets, detections of all images (ascending image id) merged by a
 * stable sort, cumulative TP/FP, interpolated precision at the 101 recall thresholds.
 */
public final class CocoEvaluator {
  private final CocoParams p;
  private final List<Long> imgIds;
  private final List<Long> catIds;
  private final Map<Key, List<CocoAnn>> gts = new LinkedHashMap<>();
  private final Map<Key, List<CocoAnn>> dts = new LinkedHashMap<>();
  private final Map<CocoAnn, RleMask> masks = new IdentityHashMap<>();
  private final CocoGroundTruth gt;

  private record Key(long img, long cat) {}

  public CocoEvaluator(CocoGroundTruth gt, List<CocoAnn> results, CocoParams params) {
    this.p = params;
    this.gt = gt;
    this.imgIds = List.copyOf(gt.imageIds);
    this.catIds = List.copyOf(gt.categoryIds);
    for (CocoAnn a : gt.annotations) {
      if (gt.categoryIds.contains(a.categoryId)) gts.computeIfAbsent(new Key(a.imageId, a.categoryId), k -> new ArrayList<>()).add(a);
    }
    for (CocoAnn d : results) {
      // getAnnIds(catIds=...) drops results whose category is not in the ground truth
      if (gt.categoryIds.contains(d.categoryId)) dts.computeIfAbsent(new Key(d.imageId, d.categoryId), k -> new ArrayList<>()).add(d);
    }
  }

  /** Runs evaluate + accumulate. */
  public CocoEvalResult run(Progress progress) {
    int I = imgIds.size(), K = catIds.size(), A = p.areaRng.length;
    progress.start("evaluate", (long) K * I);
    // accumulate reads one category's evaluations at a time, so each category is accumulated as
    // soon as it is evaluated: memory holds A x I evaluations, not K x A x I
    Accumulator acc = new Accumulator(p, K);
    EvalImage[] evalImgs = new EvalImage[A * I];
    for (int k = 0; k < K; k++) {
      for (int i = 0; i < I; i++) {
        Key key = new Key(imgIds.get(i), catIds.get(k));
        List<CocoAnn> dt = sortedDetections(key);
        double[][] iou = computeIou(key, dt);
        for (int a = 0; a < A; a++) evalImgs[a * I + i] = evaluateImg(key, dt, iou, p.areaRng[a]);
        progress.advance((long) k * I + i + 1);
      }
      masks.clear();
      acc.category(k, evalImgs, A, I);
    }
    progress.finish();
    return acc.result(catIds);
  }

  private List<CocoAnn> sortedDetections(Key key) {
    List<CocoAnn> dt = dts.getOrDefault(key, List.of());
    double[] scores = new double[dt.size()];
    for (int i = 0; i < scores.length; i++) scores[i] = dt.get(i).score;
    int[] order = StableOrder.descending(scores);
    List<CocoAnn> sorted = new ArrayList<>(Math.min(order.length, p.maxDet()));
    for (int i = 0; i < order.length && i < p.maxDet(); i++) sorted.add(dt.get(order[i]));
    return sorted;
  }

  private double[][] computeIou(Key key, List<CocoAnn> d) {
    List<CocoAnn> g = gts.getOrDefault(key, List.of());
    if (g.isEmpty() || d.isEmpty()) return new double[0][0];
    return switch (p.iouType) {
      case BBOX -> Overlaps.boxes(d, g);
      case SEGM -> Overlaps.masks(d, g, decode(d, g));
      case KEYPOINTS -> Overlaps.oks(d, g, p.kptOksSigmas);
    };
  }

  private Map<CocoAnn, RleMask> decode(List<CocoAnn> d, List<CocoAnn> g) {
    for (List<CocoAnn> list : List.of(d, g)) {
      for (CocoAnn a : list) {
        masks.computeIfAbsent(a, x -> {
          int[] size = gt.imageSizes.get(x.imageId);
          return RleMask.of(x.segmentation, size[0], size[1]);
        });
      }
    }
    return masks;
  }

  private boolean gtIgnoreFlag(CocoAnn g) {
    boolean ignore = g.iscrowd;
    if (p.iouType == IouType.KEYPOINTS) ignore = g.numKeypoints == 0 || ignore;
    return ignore;
  }

  /** evaluateImg: {@code dt} sorted and cut to maxDets, {@code iou} against gt in file order. */
  private EvalImage evaluateImg(Key key, List<CocoAnn> dt, double[][] iou, double[] aRng) {
    List<CocoAnn> gt0 = gts.getOrDefault(key, List.of());
    if (gt0.isEmpty() && dt.isEmpty()) return null;
    int G = gt0.size(), D = dt.size(), T = p.iouThrs.length;
    // ground truth ordered with ignored ones last (stable)
    int[] gtind = new int[G];
    boolean[] gtIg = new boolean[G];
    int n = 0;
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < G; i++) {
        CocoAnn g = gt0.get(i);
        boolean ig = gtIgnoreFlag(g) || g.area < aRng[0] || g.area > aRng[1];
        if (ig == (pass == 1)) {
          gtind[n] = i;
          gtIg[n++] = ig;
        }
      }
    }
    long[][] gtm = new long[T][G];
    long[][] dtm = new long[T][D];
    boolean[][] dtIg = new boolean[T][D];
    if (iou.length > 0) {
      for (int t = 0; t < T; t++) {
        for (int d = 0; d < D; d++) {
          double best = Math.min(p.iouThrs[t], 1 - 1e-10);
          int m = -1;
          for (int g = 0; g < G; g++) {
            boolean crowd = gt0.get(gtind[g]).iscrowd;
            if (gtm[t][g] > 0 && !crowd) continue;
            if (m > -1 && !gtIg[m] && gtIg[g]) break;
            double v = iou[d][gtind[g]];
            if (v < best) continue;
            best = v;
            m = g;
          }
          if (m == -1) continue;
          dtIg[t][d] = gtIg[m];
          dtm[t][d] = gt0.get(gtind[m]).id;
          gtm[t][m] = dt.get(d).id;
        }
      }
    }
    double[] scores = new double[D];
    byte[] flags = new byte[T * D];
    for (int d = 0; d < D; d++) {
      CocoAnn det = dt.get(d);
      scores[d] = det.score;
      boolean outside = det.area < aRng[0] || det.area > aRng[1];
      for (int t = 0; t < T; t++) {
        if (dtm[t][d] == 0 && outside) dtIg[t][d] = true;
        flags[t * D + d] = (byte) ((dtm[t][d] != 0 ? EvalImage.MATCHED : 0) | (dtIg[t][d] ? EvalImage.IGNORED : 0));
      }
    }
    int notIgnored = 0;
    for (boolean ig : gtIg) if (!ig) notIgnored++;
    return new EvalImage(scores, flags, notIgnored);
  }
}
