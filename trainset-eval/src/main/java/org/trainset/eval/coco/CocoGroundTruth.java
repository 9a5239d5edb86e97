package org.trainset.eval.coco;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.trainset.core.io.InputException;
import org.trainset.core.io.ParseLimits;

/**
 * A COCO ground-truth file read directly (not through the dataset model), because COCOeval's
 * results depend on raw fields: the {@code area} field rather than the box, {@code iscrowd},
 * {@code num_keypoints}, and annotation order within an image.
 */
public final class CocoGroundTruth {
  /** Image height and width, by image id. */
  final Map<Long, int[]> imageSizes = new HashMap<>();
  final TreeSet<Long> imageIds = new TreeSet<>();
  final TreeSet<Long> categoryIds = new TreeSet<>();
  final List<CocoAnn> annotations = new ArrayList<>();
  final Path file;

  private CocoGroundTruth(Path file) {
    this.file = file;
  }

  public int imageCount() {
    return imageIds.size();
  }

  public int categoryCount() {
    return categoryIds.size();
  }

  public List<Long> categoryIds() {
    return List.copyOf(categoryIds);
  }

  public int annotationCount() {
    return annotations.size();
  }

  /** Reads {@code file}; which fields are required depends on {@code type}. */
  public static CocoGroundTruth read(Path file, IouType type, ParseLimits limits) throws IOException {
    CocoGroundTruth gt = new CocoGroundTruth(file);
    JsonElements.ofObject(file, limits, (array, node, line) -> {
      AnnFields f = new AnnFields(file, line, node, array.equals("images") ? "image" : array.equals("categories") ? "category" : "annotation");
      switch (array) {
        case "images" -> {
          long id = f.id("id");
          int h = f.has("height") ? (int) f.number("height") : -1;
          int w = f.has("width") ? (int) f.number("width") : -1;
          if (type == IouType.SEGM && (h < 0 || w < 0)) throw f.error("coco-image", "segm evaluation needs image width and height");
          gt.imageSizes.put(id, new int[] {h, w});
          gt.imageIds.add(id);
        }
        case "categories" -> gt.categoryIds.add(f.id("id"));
        case "annotations" -> gt.annotations.add(annotation(f, type, line));
        default -> { }
      }
    });
    for (CocoAnn a : gt.annotations) {
      if (!gt.imageIds.contains(a.imageId)) {
        throw new InputException(file, a.line, -1, "coco-reference", "annotation " + a.id + " refers to image " + a.imageId + ", which is not in 'images'");
      }
    }
    return gt;
  }

  private static CocoAnn annotation(AnnFields f, IouType type, long line) throws InputException {
    CocoAnn a = new CocoAnn();
    a.line = line;
    a.id = f.id("id");
    a.imageId = f.id("image_id");
    a.categoryId = f.id("category_id");
    a.area = f.number("area");
    a.iscrowd = f.has("iscrowd") && f.number("iscrowd") != 0;
    if (type == IouType.BBOX || type == IouType.KEYPOINTS) a.bbox = f.numbers("bbox", 4);
    if (type == IouType.SEGM) a.segmentation = f.segmentation();
    if (type == IouType.KEYPOINTS) {
      a.keypoints = f.numbers("keypoints", 51);
      if (a.keypoints.length == 0 || a.keypoints.length % 3 != 0) throw f.error("coco-keypoints", "'keypoints' must hold x,y,v triples");
      if (!f.has("num_keypoints")) throw f.error("coco-keypoints", "keypoint evaluation needs 'num_keypoints'");
      a.numKeypoints = (int) f.number("num_keypoints");
    }
    return a;
  }
}
