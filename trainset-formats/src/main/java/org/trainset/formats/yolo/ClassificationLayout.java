package org.trainset.formats.yolo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.trainset.core.io.SafePaths;

/**
 * Ultralytics classification: {@code <subset>/<class>/<image>}. Each image is an item with a
 * tag of its folder's class; class names are the folder names sorted, as Ultralytics indexes them.
 */
final class ClassificationLayout {
  private ClassificationLayout() {}

  /** The layout, or null when the root's top folders are not subset names. */
  static YoloLayout read(Path root) throws IOException {
    List<Path> subsets;
    try (Stream<Path> s = Files.list(root)) {
      subsets = s.filter(Files::isDirectory)
          .filter(p -> YoloFormat.CLASSIFICATION_SUBSETS.contains(p.getFileName().toString())).toList();
    }
    if (subsets.isEmpty()) return null;
    subsets = subsets.stream().sorted((a, b) -> Integer.compare(
        YoloFormat.SUBSET_ORDER.indexOf(a.getFileName().toString()),
        YoloFormat.SUBSET_ORDER.indexOf(b.getFileName().toString()))).toList();
    TreeSet<String> classes = new TreeSet<>();
    List<YoloLayout.Entry> entries = new ArrayList<>();
    for (Path subsetDir : subsets) {
      String subset = subsetDir.getFileName().toString();
      List<Path> classDirs;
      try (Stream<Path> s = Files.list(subsetDir)) {
        classDirs = s.filter(Files::isDirectory).sorted().toList();
      }
      for (Path classDir : classDirs) {
        String label = classDir.getFileName().toString();
        classes.add(label);
        for (String image : YoloLayout.images(root, classDir)) {
          String below = SafePaths.relative(subsetDir, root.resolve(image));
          entries.add(new YoloLayout.Entry(YoloLayout.stripExtension(below), subset, image, null, label));
        }
      }
    }
    return new YoloLayout(new ArrayList<>(classes), null, false, entries);
  }
}
