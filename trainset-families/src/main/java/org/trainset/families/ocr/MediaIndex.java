package org.trainset.families.ocr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.trainset.core.io.DatasetFolder;
import org.trainset.core.spi.ProblemSink;

/**
 * Finds an image by the bare {@code file_name} the JSON gives: directly under the root, else in
 * the type folders ({@code Signboard/}, {@code Goods/}, {@code Book/}, crop folders), by name.
 */
final class MediaIndex {
  private final Path root;
  private final ProblemSink problems;
  private Map<String, String> byName;

  /** Odd entries met while indexing (a dangling symlink, a FIFO) go to {@code problems} ({@link DatasetFolder}). */
  MediaIndex(Path root, ProblemSink problems) {
    this.root = root;
    this.problems = problems;
  }

  /** The '/'-separated path relative to the root, or {@code fileName} itself when not found. */
  String resolve(String fileName) throws IOException {
    if (fileName == null || fileName.isEmpty()) return "";
    if (DatasetFolder.present(root.resolve(fileName))) return fileName.replace('\\', '/');
    if (byName == null) byName = index();
    String name = Path.of(fileName.replace('\\', '/')).getFileName().toString();
    return byName.getOrDefault(name, fileName);
  }

  private Map<String, String> index() throws IOException {
    Map<String, String> map = new HashMap<>();
    for (Path p : DatasetFolder.files(root, 5, f -> !f.getFileName().toString().endsWith(".json"), problems)) {
      map.putIfAbsent(p.getFileName().toString(), root.relativize(p).toString().replace('\\', '/'));
    }
    return map;
  }
}
