package org.trainset.families.sidewalk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The four kinds of release folder, recognised by name. */
enum SidewalkFolder {
  BBOX("Bbox_\\d+", "bbox"),
  POLYGON("Polygon_\\d+", "polygon"),
  SURFACE("Surface_\\d+", "surface"),
  DEPTH("Depth_\\d+", "depth");

  final Pattern name;
  final String kind;

  SidewalkFolder(String regex, String kind) {
    this.name = Pattern.compile(regex);
    this.kind = kind;
  }

  /** The kind of a folder named {@code name}, or null. */
  static SidewalkFolder of(String name) {
    for (SidewalkFolder f : values()) {
      if (f.name.matcher(name).matches()) return f;
    }
    return null;
  }

  /** Files directly in {@code dir} ending with {@code suffix} (case-insensitive), sorted. */
  static List<Path> files(Path dir, String suffix) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(suffix))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted().toList();
    }
  }
}
