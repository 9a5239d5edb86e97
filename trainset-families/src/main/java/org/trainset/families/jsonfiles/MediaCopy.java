package org.trainset.families.jsonfiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.trainset.core.convert.LossReport;
import org.trainset.core.spi.WriteOptions;

/**
 * Copies one media file from the source dataset into a family writer's staged output, where the
 * family's layout puts it. A file missing at the source is declared on the loss report.
 */
public final class MediaCopy {
  private MediaCopy() {}

  /** Copies {@code relative} (under the source's media root) to {@code dst}, once. */
  public static void copy(WriteOptions options, String relative, Path dst, LossReport loss) throws IOException {
    if (options.mediaRoot() == null || relative == null || relative.isEmpty()) return;
    Path src = options.mediaRoot().resolve(relative);
    if (!Files.isRegularFile(src)) {
      loss.dropped(null, "media file", "not found at the source, not copied");
      return;
    }
    if (Files.exists(dst)) return;
    Files.createDirectories(dst.getParent());
    Files.copy(src, dst, StandardCopyOption.COPY_ATTRIBUTES);
  }

  /** The last path segment of a media path. */
  public static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
