package org.trainset.families.sidewalk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.trainset.core.io.DatasetFolder;
import org.trainset.core.spi.ProblemSink;

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

  /**
   * Files directly in {@code dir} ending with {@code suffix} (case-insensitive), sorted, hidden
   * ones left out. Such a name that is a dangling symlink, a FIFO or another non-file goes to
   * {@code problems} ({@link DatasetFolder}), never an item fewer.
   */
  static List<Path> files(Path dir, String suffix, ProblemSink problems) throws IOException {
    return DatasetFolder.files(dir, 1, p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(suffix)
        && !p.getFileName().toString().startsWith("."), problems);
  }
}
