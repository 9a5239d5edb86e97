package org.trainset.eval.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.trainset.core.geometry.MaskBits;

class RleMaskTest {
  @Test
  void compressedAndUncompressedCountsDescribeTheSamePixels() {
    int[] counts = {3, 4, 0, 2, 5, 6}; // a zero-length background run joins two foreground runs
    RleMask a = RleMask.fromCounts(counts, 4, 5);
    RleMask b = RleMask.fromString(MaskBits.encodeCocoString(counts), 4, 5);
    assertEquals(12, a.area());
    assertEquals(12, a.intersection(b));
    assertEquals(1.0, RleMask.iou(a, b, false), 0);
  }

  @Test
  void iouUnionAndCrowdRule() {
    RleMask a = RleMask.fromCounts(new int[] {0, 10, 10}, 4, 5);  // pixels 0..9
    RleMask b = RleMask.fromCounts(new int[] {5, 10, 5}, 4, 5);   // pixels 5..14
    assertEquals(5, a.intersection(b));
    assertEquals(5.0 / 15.0, RleMask.iou(a, b, false), 0);
    assertEquals(5.0 / 10.0, RleMask.iou(a, b, true), 0); // crowd gt: divided by the detection's area
    assertEquals(15, a.union(b).area());
    RleMask empty = RleMask.fromCounts(new int[] {20}, 4, 5);
    assertEquals(0, RleMask.iou(empty, a, false), 0);
  }

  @Test
  void boxResultsBecomeTheirCornerPolygon() {
    // frPyObjects treats a first entry of exactly four numbers as a box [x, y, w, h]
    RleMask box = RleMask.of(MaskSource.polygons(new double[][] {{2, 3, 4, 5}}), 20, 20);
    RleMask poly = RleMask.of(MaskSource.polygons(new double[][] {{2, 3, 2, 8, 6, 8, 6, 3}}), 20, 20);
    assertEquals(poly.area(), box.area());
    assertEquals(poly.area(), box.intersection(poly));
  }
}
