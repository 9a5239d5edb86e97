package org.trainset.core.io;

import java.io.IOException;
import java.nio.file.Path;

/** Path handling that never lets a name from a data file escape its folder. */
public final class SafePaths {
  private SafePaths() {}

  /**
   * Resolves {@code relative} (a path read from a dataset or archive) under {@code root}.
   * Absolute paths, {@code ..} segments that leave root, and NUL bytes are refused.
   */
  public static Path resolveInside(Path root, String relative) throws IOException {
    if (relative == null || relative.isEmpty() || relative.indexOf('\0') >= 0) {
      throw new InputException(root, "path-escape", "empty or invalid path '" + relative + "'");
    }
    String normalisedSeparators = relative.replace('\\', '/');
    Path rel = Path.of(normalisedSeparators);
    if (rel.isAbsolute() || normalisedSeparators.startsWith("/")) {
      throw new InputException(root, "path-escape", "absolute path '" + relative + "' refused");
    }
    Path base = root.toAbsolutePath().normalize();
    Path resolved = base.resolve(rel).normalize();
    if (!resolved.startsWith(base)) {
      throw new InputException(root, "path-escape", "path '" + relative + "' leaves " + base);
    }
    return resolved;
  }

  /** {@code file} relative to {@code root}, '/'-separated. */
  public static String relative(Path root, Path file) {
    return root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize())
        .toString().replace('\\', '/');
  }
}
