package org.trainset.eval.coco;

/**
 * COCOeval.evaluateImg's result for one image, category and area range: detection scores in
 * sorted order, per IoU threshold the id of the matched gt (0 = none) and whether the detection
 * is ignored, and which ground truths are ignored.
 */
record EvalImage(double[] dtScores, long[][] dtMatches, boolean[][] dtIgnore, boolean[] gtIgnore) {}
