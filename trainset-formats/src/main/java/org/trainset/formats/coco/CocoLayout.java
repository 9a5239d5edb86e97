package org.trainset.formats.coco;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.trainset.core.io.DatasetFolder;
import org.trainset.core.io.InputException;
import org.trainset.core.spi.ProblemSink;
import org.trainset.core.io.SafePaths;

/**
 * Where the COCO files of a dataset are and which subset each belongs to. Three layouts:
 * Datumaro's ({@code annotations/<task>_<subset>.json}, images in {@code images/<subset>/}),
 * Roboflow's ({@code <subset>/_annotations.coco.json} beside its images) and a single file.
 */
final class CocoLayout {
  /**
   * Tasks read from a Datumaro folder, in the order their annotations appear in an item (stuff and
   * panoptic masks beside the instances, where the writer puts every mask).
   */
  static final List<String> TASKS = List.of("instances", "stuff", "panoptic", "person_keypoints", "labels",
      "captions", "image_info");
  /**
   * Tasks recognised in a single file's name: stuff files are instances-shaped; panoptic files
   * keep their segments in PNGs in the folder named like the file ({@link PanopticSegments}).
   */
  private static final List<String> FILE_TASKS = TASKS;
  static final String DEFAULT_SUBSET = "default";
  static final String ROBOFLOW_FILE = "_annotations.coco.json";

  private CocoLayout() {}

  /** One subset: its annotation files (task order) and where its images are relative to the root. */
  record Source(String subset, List<Path> files, String mediaPrefix) {}

  static List<Source> discover(Path root, ProblemSink problems) throws IOException {
    if (!Files.exists(root)) throw new InputException(root, "not-found", "no such file or directory");
    if (!Files.isDirectory(root)) {
      String subset = subsetOfName(root.getFileName().toString());
      return List.of(new Source(subset, List.of(root), ""));
    }
    List<Source> datumaro = datumaro(root, problems);
    if (!datumaro.isEmpty()) return datumaro;
    List<Source> out = new ArrayList<>();
    {
      for (Path f : DatasetFolder.files(root, 2, p -> p.getFileName().toString().equals(ROBOFLOW_FILE), problems)) {
        Path dir = f.getParent();
        boolean atRoot = dir.equals(root);
        String name = atRoot ? null : dir.getFileName().toString();
        out.add(new Source(normaliseSubset(name), List.of(f),
            atRoot ? "" : SafePaths.relative(root, dir) + "/"));
      }
    }
    if (!out.isEmpty()) return out;
    {
      for (Path f : DatasetFolder.files(root, 1,
          p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"), problems)) {
        out.add(new Source(subsetOfName(f.getFileName().toString()), List.of(f), ""));
      }
    }
    if (out.isEmpty()) throw new InputException(root, "coco-layout", "no COCO annotation files found");
    return out;
  }

  private static List<Source> datumaro(Path root, ProblemSink problems) throws IOException {
    Path dir = root.resolve("annotations");
    if (!Files.isDirectory(dir)) return List.of();
    Map<String, Path[]> bySubset = new TreeMap<>();
    {
      for (Path f : DatasetFolder.files(dir, 1, p -> split(p.getFileName().toString(), TASKS) != null, problems)) {
        String[] ts = split(f.getFileName().toString(), TASKS);
        bySubset.computeIfAbsent(ts[1], k -> new Path[TASKS.size()])[TASKS.indexOf(ts[0])] = f;
      }
    }
    List<Source> out = new ArrayList<>();
    bySubset.forEach((subset, files) -> {
      List<Path> present = new ArrayList<>();
      for (Path p : files) if (p != null) present.add(p);
      out.add(new Source(normaliseSubset(subset), present, "images/" + subset + "/"));
    });
    return out;
  }

  /** Whether {@code file} is where one of the layouts keeps a COCO file (for detection). */
  static boolean isLayoutFile(Path root, Path file) {
    String rel = SafePaths.relative(root, file);
    String name = file.getFileName().toString();
    if (rel.startsWith("annotations/") && rel.indexOf('/', 12) < 0) return split(name, TASKS) != null;
    if (name.equals(ROBOFLOW_FILE)) return rel.split("/").length <= 2;
    return false;
  }

  /** The subset named by {@code <task>_<subset>.json}, or null. */
  static String subsetOfName(String fileName) {
    String[] ts = split(fileName, FILE_TASKS);
    return ts == null ? null : normaliseSubset(ts[1]);
  }

  private static String[] split(String fileName, List<String> tasks) {
    if (!fileName.endsWith(".json")) return null;
    String stem = fileName.substring(0, fileName.length() - 5);
    for (String task : tasks) {
      if (stem.startsWith(task + "_") && stem.length() > task.length() + 1) {
        return new String[] {task, stem.substring(task.length() + 1)};
      }
    }
    return null;
  }

  /** Datumaro writes items without a subset as "default"; the model says null. */
  static String normaliseSubset(String name) {
    return name == null || name.equals(DEFAULT_SUBSET) ? null : name;
  }
}
