package org.trainset.eval.coco;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trainset.core.io.InputException;
import org.trainset.core.io.ParseLimits;

/**
 * A COCO results file loaded as {@code COCO.loadRes} does: the first result decides whether the
 * list holds boxes, masks or keypoints; ids become 1..N in file order; {@code iscrowd} is 0; the
 * area is recomputed (box w·h, mask pixel count, or the keypoints' extent including any 0,0
 * points). An {@code area} field in the file is ignored.
 */
public final class CocoResults {
  private CocoResults() {}

  public static List<CocoAnn> read(Path file, CocoGroundTruth gt, IouType type, ParseLimits limits) throws IOException {
    List<CocoAnn> out = new ArrayList<>();
    String[] kind = new String[1];
    JsonElements.ofArray(file, limits, (array, node, line) -> {
      AnnFields f = new AnnFields(file, line, node, "result");
      if (kind[0] == null) kind[0] = kindOf(node, f);
      CocoAnn a = new CocoAnn();
      a.line = line;
      a.id = out.size() + 1;
      a.imageId = f.id("image_id");
      a.categoryId = f.id("category_id");
      a.score = f.number("score");
      if (!gt.imageIds.contains(a.imageId)) {
        throw f.error("coco-results", "result for image " + a.imageId + ", which is not in the ground truth " + gt.file.getFileName());
      }
      switch (kind[0]) {
        case "bbox" -> {
          a.bbox = f.numbers("bbox", 4);
          a.area = a.bbox[2] * a.bbox[3];
          if (type == IouType.SEGM) {
            a.segmentation = f.has("segmentation") ? f.segmentation()
                : MaskSource.polygons(new double[][] {cornerPolygon(a.bbox)});
          }
          if (type == IouType.KEYPOINTS && f.has("keypoints")) a.keypoints = f.numbers("keypoints", 51);
        }
        case "segm" -> {
          a.segmentation = f.segmentation();
          int[] size = gt.imageSizes.get(a.imageId);
          a.area = RleMask.of(a.segmentation, size[0], size[1]).area();
        }
        default -> {
          a.keypoints = f.numbers("keypoints", 51);
          if (a.keypoints.length == 0 || a.keypoints.length % 3 != 0) throw f.error("coco-keypoints", "'keypoints' must hold x,y,v triples");
          double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
          double y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
          for (int i = 0; i < a.keypoints.length; i += 3) {
            x0 = Math.min(x0, a.keypoints[i]);
            x1 = Math.max(x1, a.keypoints[i]);
            y0 = Math.min(y0, a.keypoints[i + 1]);
            y1 = Math.max(y1, a.keypoints[i + 1]);
          }
          a.area = (x1 - x0) * (y1 - y0);
          a.bbox = new double[] {x0, y0, x1 - x0, y1 - y0};
        }
      }
      if (type == IouType.SEGM && a.segmentation == null) throw f.error("coco-results", "segm evaluation needs masks or boxes");
      if (type == IouType.KEYPOINTS && a.keypoints == null) throw f.error("coco-results", "keypoint evaluation needs 'keypoints' (17 COCO keypoints)");
      if (type == IouType.BBOX && a.bbox == null) throw f.error("coco-results", "bbox evaluation needs 'bbox'");
      out.add(a);
    });
    return out;
  }

  private static String kindOf(JsonNode node, AnnFields f) throws InputException {
    JsonNode bbox = node.get("bbox");
    if (bbox != null && bbox.isArray() && bbox.size() > 0) return "bbox";
    if (f.has("segmentation")) return "segm";
    if (f.has("keypoints")) return "keypoints";
    throw f.error("coco-results", "a result needs 'bbox', 'segmentation' or 'keypoints'");
  }

  /** The polygon loadRes gives a box result: [[x1,y1, x1,y2, x2,y2, x2,y1]]. */
  private static double[] cornerPolygon(double[] b) {
    double x1 = b[0], x2 = b[0] + b[2], y1 = b[1], y2 = b[1] + b[3];
    return new double[] {x1, y1, x1, y2, x2, y2, x2, y1};
  }
}
