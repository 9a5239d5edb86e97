package org.trainset.families.ocr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds an image by the bare {@code file_name} the JSON gives: directly under the root, else in
 * the type folders ({@code Signboard/}, {@code Goods/}, {@code Book/}, crop folders), by name.
 */
final class MediaIndex {
  private final Path root;
  private Map<String, String> byName;

  MediaIndex(Path root) {
    this.root = root;
  }

  /** The '/'-separated path relative to the root, or {@code fileName} itself when not found. */
  String resolve(String fileName) throws IOException {
    if (fileName == null || fileName.isEmpty()) return "";
    if (Files.isRegularFile(root.resolve(fileName))) return fileName.replace('\\', '/');
    if (byName == null) byName = index();
    String name = Path.of(fileName.replace('\\', '/')).getFileName().toString();
    return byName.getOrDefault(name, fileName);
  }

  private Map<String, String> index() throws IOException {
    Map<String, String> map = new HashMap<>();
    try (Stream<Path> s = Files.walk(root, 5)) {
      for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
        String n = p.getFileName().toString();
        if (n.endsWith(".json")) continue;
        map.putIfAbsent(n, root.relativize(p).toString().replace('\\', '/'));
      }
    }
    return map;
  }
}
