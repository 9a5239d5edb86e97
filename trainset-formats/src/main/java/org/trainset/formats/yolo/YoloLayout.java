package org.trainset.formats.yolo;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trainset.core.io.DatasetFolder;
import org.trainset.core.io.InputException;
import org.trainset.core.io.SafePaths;
import org.trainset.core.spi.ProblemSink;

/**
 * What a YOLO dataset holds, whichever variant it is: class names, the keypoint shape for pose
 * data, whether 8-value lines are oriented boxes, and one {@link Entry} per image. Paths are
 * relative to the dataset root so entries serialise into read parts.
 */
record YoloLayout(List<String> names, int[] kptShape, boolean obb, List<Entry> entries) {

  /**
   * One item: id, subset (or null), image and label file relative to the root (label may be
   * null), and for classification trees the class name (else null).
   */
  record Entry(String id, String subset, String image, String label, String tag) implements Serializable {}

  /** Finds the variant at {@code root}: data.yaml, obj.data, obj.names, or a classification tree. */
  static YoloLayout of(Path root, org.trainset.core.io.ParseLimits limits, ProblemSink problems) throws IOException {
    // data.yaml or obj.data as a dangling symlink or a FIFO is an input error, not another layout
    if (Files.isDirectory(root)) DatasetFolder.present(root.resolve(YoloFormat.DATA_YAML));
    Path yaml = datasetYaml(root, ProblemSink.FAIL);
    if (yaml != null) return UltralyticsLayout.read(root, yaml, limits, problems);
    if (DatasetFolder.present(root.resolve(YoloFormat.OBJ_DATA))) return DarknetLayout.strict(root, problems);
    // likewise obj.names and classes.txt: reported, not read as "no layout found"
    for (String names : List.of(YoloFormat.OBJ_NAMES, YoloFormat.CLASSES_TXT)) DatasetFolder.present(root.resolve(names));
    if (YoloFormat.looseNamesFile(root) != null) return DarknetLayout.loose(root, problems);
    YoloLayout classes = ClassificationLayout.read(root, problems);
    if (classes != null) return classes;
    throw new InputException(root, "yolo-layout",
        "no data.yaml, obj.data, obj.names, classes.txt or train/<class>/<image> folders found");
  }

  /**
   * The Ultralytics dataset file: {@code data.yaml}, else the first root-level {@code .yaml}/{@code .yml}
   * (e.g. {@code coco128.yaml}) whose first 64 KiB declare {@code names:} and {@code train:}; or null.
   * A root-level yaml name that is a dangling symlink or a FIFO goes to {@code problems} (never opened).
   */
  static Path datasetYaml(Path root, ProblemSink problems) throws IOException {
    Path data = root.resolve(YoloFormat.DATA_YAML);
    if (Files.isRegularFile(data)) return data;
    if (!Files.isDirectory(root)) return null;
    List<Path> yamls = DatasetFolder.files(root, 1, p -> {
      String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
      return n.endsWith(".yaml") || n.endsWith(".yml");
    }, problems);
    for (Path y : yamls) {
      String head;
      try (var in = Files.newInputStream(y)) {
        head = new String(in.readNBytes(64 * 1024), java.nio.charset.StandardCharsets.UTF_8);
      }
      if (head.contains("names:") && head.contains("train:")) return y;
    }
    return null;
  }

  /**
   * Images under {@code dir} (recursively), sorted, as root-relative paths. An image name that is
   * a dangling symlink, a FIFO or another non-file goes to {@code problems} ({@link DatasetFolder}):
   * an input error where errors are fatal, one finding each (and the image skipped) in
   * {@code validate}; other files (label caches, notes) are not part of the layout.
   */
  static List<String> images(Path root, Path dir, ProblemSink problems) throws IOException {
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) return out;
    for (Path p : DatasetFolder.files(dir, Integer.MAX_VALUE, f -> YoloFormat.isImage(f.getFileName().toString()),
        problems)) {
      out.add(SafePaths.relative(root, p));
    }
    return out;
  }

  /** Ultralytics' rule: the label of {@code .../images/x/y.jpg} is {@code .../labels/x/y.txt}; else beside the image. */
  static String labelFor(String image) {
    String noExt = stripExtension(image);
    String[] parts = noExt.split("/");
    for (int i = parts.length - 2; i >= 0; i--) {
      if (parts[i].equals("images")) {
        parts[i] = "labels";
        return String.join("/", parts) + ".txt";
      }
      if (parts[i].equals("Images")) {
        parts[i] = "Labels";
        return String.join("/", parts) + ".txt";
      }
    }
    return noExt + ".txt";
  }

  /** Item id: the image path below its {@code images[/<subset>]} folder (or below {@code base}), without extension. */
  static String idFor(String image, String subset, String base) {
    String noExt = stripExtension(image);
    int at = noExt.lastIndexOf("images/");
    if (at < 0) at = noExt.lastIndexOf("Images/");
    String rest;
    if (at >= 0 && (at == 0 || noExt.charAt(at - 1) == '/')) {
      rest = noExt.substring(at + "images/".length());
      if (subset != null && rest.startsWith(subset + "/")) rest = rest.substring(subset.length() + 1);
    } else if (base != null && !base.isEmpty() && noExt.startsWith(base + "/")) {
      rest = noExt.substring(base.length() + 1);
    } else {
      rest = noExt.substring(noExt.lastIndexOf('/') + 1);
    }
    return rest;
  }

  static String stripExtension(String path) {
    int dot = path.lastIndexOf('.');
    return dot > path.lastIndexOf('/') ? path.substring(0, dot) : path;
  }

  /**
   * A child folder of {@code dir} whose name equals {@code name} ignoring case, or null; such a
   * name that is a dangling symlink or a FIFO goes to {@code problems} ({@link DatasetFolder}).
   */
  static Path childIgnoringCase(Path dir, String name, ProblemSink problems) throws IOException {
    if (!Files.isDirectory(dir)) return null;
    return DatasetFolder.folders(dir, p -> p.getFileName().toString().toLowerCase(Locale.ROOT).equals(name), problems)
        .stream().findFirst().orElse(null);
  }
}
