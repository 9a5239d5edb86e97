package org.trainset.eval.coco;

/**
 * A segmentation as written in the file: polygons, an uncompressed RLE (counts as numbers) or
 * a compressed RLE string. Decoding to pixels happens only for segm evaluation.
 */
public record MaskSource(double[][] polygons, int[] counts, String compressed, int h, int w) {
  public static MaskSource polygons(double[][] polys) {
    return new MaskSource(polys, null, null, -1, -1);
  }

  public static MaskSource uncompressed(int[] counts, int h, int w) {
    return new MaskSource(null, counts, null, h, w);
  }

  public static MaskSource compressed(String counts, int h, int w) {
    return new MaskSource(null, null, counts, h, w);
  }
}
