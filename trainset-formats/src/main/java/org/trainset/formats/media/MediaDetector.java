package org.trainset.formats.media;

import java.io.IOException;
import java.nio.file.Path;
import org.trainset.core.spi.DetectionContext;
import org.trainset.core.spi.FormatDetector;

/** Any folder with media files in it, at the lowest confidence so every real format wins. */
final class MediaDetector implements FormatDetector {
  @Override public double detect(DetectionContext ctx) throws IOException {
    if (!ctx.isDirectory()) {
      ctx.rejected("not a folder");
      return NONE;
    }
    for (Path f : ctx.files()) {
      if (MediaKinds.of(f).isPresent()) {
        ctx.saw("media files, e.g. " + ctx.name(f) + " (any folder of media; every other format wins over this)");
        return GENERIC;
      }
    }
    ctx.rejected("no image, video, audio or DICOM files");
    return NONE;
  }
}
