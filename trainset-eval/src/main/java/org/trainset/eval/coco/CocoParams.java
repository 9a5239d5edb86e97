package org.trainset.eval.coco;

import java.util.List;

/**
 * pycocotools' default {@code Params}: IoU thresholds and recall thresholds as numpy's
 * {@code linspace} computes them, maxDets and area ranges for the iou type, and the keypoint
 * sigmas.
 */
public final class CocoParams {
  /** COCO person keypoint sigmas, divided by 10.0 as pycocotools does (not written as decimals). */
  private static final double[] SIGMAS_X10 = {.26, .25, .25, .35, .35, .79, .79, .72, .72, .62,
      .62, 1.07, 1.07, .87, .87, .89, .89};

  public final IouType iouType;
  public final double[] iouThrs = linspace(0.5, 0.95, 10);
  public final double[] recThrs = linspace(0.0, 1.00, 101);
  public final int[] maxDets;
  public final double[][] areaRng;
  public final List<String> areaRngLbl;
  public final double[] kptOksSigmas;

  public CocoParams(IouType iouType) {
    this.iouType = iouType;
    double big = 1e5 * 1e5;
    if (iouType == IouType.KEYPOINTS) {
      maxDets = new int[] {20};
      areaRng = new double[][] {{0, big}, {32 * 32, 96 * 96}, {96 * 96, big}};
      areaRngLbl = List.of("all", "medium", "large");
    } else {
      maxDets = new int[] {1, 10, 100};
      areaRng = new double[][] {{0, big}, {0, 32 * 32}, {32 * 32, 96 * 96}, {96 * 96, big}};
      areaRngLbl = List.of("all", "small", "medium", "large");
    }
    kptOksSigmas = new double[SIGMAS_X10.length];
    for (int i = 0; i < SIGMAS_X10.length; i++) kptOksSigmas[i] = SIGMAS_X10[i] / 10.0;
  }

  public int maxDet() {
    return maxDets[maxDets.length - 1];
  }

  /**
   * numpy.linspace(start, stop, num): {@code start + i*step} with {@code step = (stop-start)/(num-1)},
   * and the last value forced to {@code stop}. This is why the 9th IoU threshold is
   * 0.8999999999999999 and recall threshold 35 is 0.35000000000000003.
   */
  static double[] linspace(double start, double stop, int num) {
    double[] out = new double[num];
    double step = (stop - start) / (num - 1);
    for (int i = 0; i < num; i++) out[i] = start + i * step;
    out[num - 1] = stop;
    return out;
  }
}
