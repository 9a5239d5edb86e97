package org.trainset.eval.coco;

/**
 * COCOeval.evaluateImg's result for one image, category and area range, reduced to what
 * accumulate reads: detection scores in sorted order; per IoU threshold t and detection d a flag
 * byte at {@code t * D + d} ({@link #MATCHED}: matched a ground truth, {@link #IGNORED}: the
 * detection is ignored); and how many ground truths are not ignored. pycocotools keeps the
 * matched ids and per-gt flags too, but accumulate only tests {@code dtMatches != 0} and counts
 * non-ignored gt — a byte per (t, d) instead of a long and a boolean keeps COCO-val-sized
 * evaluations within a small heap.
 */
record EvalImage(double[] dtScores, byte[] dtFlags, int gtNotIgnored) {
  static final byte MATCHED = 1;
  static final byte IGNORED = 2;

  int detections() {
    return dtScores.length;
  }
}
