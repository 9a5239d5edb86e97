package org.trainset.eval.coco;

/**
 * One ground-truth annotation or detection, holding just the raw fields COCOeval reads. Fields
 * are as pycocotools leaves them after {@code loadRes} (ids renumbered, area recomputed for
 * detections).
 */
public final class CocoAnn {
  public long id;
  public long imageId;
  public long categoryId;
  /** [x, y, w, h], or null. */
  public double[] bbox;
  public double area;
  public boolean iscrowd;
  /** Detections only. */
  public double score;
  /** x, y, v triples, or null. */
  public double[] keypoints;
  /** Ground truth only: {@code num_keypoints}, or -1 when absent. */
  public int numKeypoints = -1;
  /** The mask for segm evaluation, decoded lazily at evaluation time. */
  public MaskSource segmentation;
  /** Where the annotation came from, for error messages: file line. */
  public long line;
}
