package org.trainset.formats.media;

import java.io.IOException;
import java.nio.file.Path;
import org.trainset.core.spi.DetectionContext;
import org.trainset.core.spi.FormatDetector;

/** Any folder with media files in it, at the lowest confidence so every real format wins. */
final class MediaDetector implements FormatDetector {
  @Override public double detect(DetectionContext ctx) throws IOException {
    if (!ctx.isDirectory()) return NONE;
    for (Path f : ctx.files()) {
      if (MediaKinds.of(f).isPresent()) return GENERIC;
    }
    return NONE;
  }
}
