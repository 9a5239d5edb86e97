package org.trainset.formats.yolo;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.FormatDetector;

/**
 * YOLO: the Darknet layout ({@code obj.data}, {@code obj.names}, {@code train.txt},
 * {@code obj_train_data/}), its loose variants, Ultralytics {@code data.yaml} with
 * {@code images/} + {@code labels/} (detect, segment, pose, oriented boxes) and Ultralytics
 * classification folders. Writes the Ultralytics layout. See docs/formats/yolo.md.
 */
public final class YoloFormat implements Format {
  public static final String ID = "yolo";
  static final String DATA_YAML = "data.yaml";
  static final String OBJ_DATA = "obj.data";
  static final String OBJ_NAMES = "obj.names";
  /** Label Studio's YOLO export names its classes here, beside {@code images/} and {@code labels/}. */
  static final String CLASSES_TXT = "classes.txt";

  /** The class-names file of a loose layout ({@code obj.names}, else {@code classes.txt}), or null. */
  static java.nio.file.Path looseNamesFile(java.nio.file.Path root) {
    for (String n : java.util.List.of(OBJ_NAMES, CLASSES_TXT)) {
      java.nio.file.Path p = root.resolve(n);
      if (java.nio.file.Files.isRegularFile(p)) return p;
    }
    return null;
  }
  /** Subset names a classification tree's top folders must have. */
  static final Set<String> CLASSIFICATION_SUBSETS = Set.of("train", "val", "valid", "test");
  static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif", "tif", "tiff", "webp");
  /** data.yaml keys that are not subsets. */
  static final Set<String> YAML_RESERVED = Set.of("path", "names", "nc", "kpt_shape", "flip_idx", "task",
      "download", "roboflow", "kpt_names", "channels");
  /** Our one addition to data.yaml: {@code task: obb} makes 8-value rectangles rotated boxes. */
  static final String TASK_KEY = "task";
  static final String TASK_OBB = "obb";
  static final List<String> SUBSET_ORDER = List.of("train", "val", "valid", "test");

  @Override public String id() { return ID; }
  @Override public String description() {
    return "YOLO: Darknet obj.data/obj.names or Ultralytics data.yaml (detect, segment, pose, obb, classify)";
  }
  @Override public FormatDetector detector() { return new YoloDetector(); }
  @Override public Optional<DatasetReader> reader() { return Optional.of(new YoloReader()); }
  @Override public Optional<DatasetWriter> writer() { return Optional.of(new YoloWriter()); }

  static boolean isImage(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 && IMAGE_EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
  }
}
