package org.trainset.formats.yolo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.trainset.core.io.DatasetFolder;
import org.trainset.core.io.SafePaths;
import org.trainset.core.spi.ProblemSink;

/**
 * Ultralytics classification: {@code <subset>/<class>/<image>}. Each image is an item with a
 * tag of its folder's class; class names are the folder names sorted, as Ultralytics indexes them.
 * Folders are listed through {@link DatasetFolder}: a subset or class name that is a dangling
 * symlink or a FIFO, or a class folder whose name is not valid UTF-8, is an input error naming
 * it, never a class or an item fewer.
 */
final class ClassificationLayout {
  private ClassificationLayout() {}

  /** The layout, or null when the root's top folders are not subset names. */
  static YoloLayout read(Path root, ProblemSink problems) throws IOException {
    List<Path> subsets = DatasetFolder.folders(root,
        p -> YoloFormat.CLASSIFICATION_SUBSETS.contains(p.getFileName().toString()), ProblemSink.FAIL);
    if (subsets.isEmpty()) return null;
    subsets = subsets.stream().sorted((a, b) -> Integer.compare(
        YoloFormat.SUBSET_ORDER.indexOf(a.getFileName().toString()),
        YoloFormat.SUBSET_ORDER.indexOf(b.getFileName().toString()))).toList();
    TreeSet<String> classes = new TreeSet<>();
    List<YoloLayout.Entry> entries = new ArrayList<>();
    for (Path subsetDir : subsets) {
      String subset = subsetDir.getFileName().toString();
      for (Path classDir : DatasetFolder.folders(subsetDir, p -> true, ProblemSink.FAIL)) {
        String label = classDir.getFileName().toString();
        classes.add(label);
        for (String image : YoloLayout.images(root, classDir, problems)) {
          String below = SafePaths.relative(subsetDir, root.resolve(image));
          entries.add(new YoloLayout.Entry(YoloLayout.stripExtension(below), subset, image, null, label));
        }
      }
    }
    return new YoloLayout(new ArrayList<>(classes), null, false, entries);
  }
}
