package org.trainset.families.motion;

import java.io.IOException;
import java.nio.file.Path;
import org.trainset.core.spi.DetectionContext;
import org.trainset.core.spi.FormatDetector;

/**
 * Certain when keypoint JSON sits under {@code Annotation/2D/<scenario>/<scenario>-<take>-C<n>/}:
 * the folder scheme is this family's own.
 */
final class MotionDetector implements FormatDetector {
  @Override public double detect(DetectionContext ctx) throws IOException {
    if (!ctx.isDirectory()) return NONE;
    Path root = ctx.root();
    for (Path f : ctx.filesEndingWith(".json")) {
      Path rel = root.relativize(f);
      if (rel.getNameCount() != 5 || !rel.getName(0).toString().equals("Annotation")
          || !rel.getName(1).toString().equals("2D")) {
        continue;
      }
      if (MotionNames.parse(rel.getName(3).toString()) != null && ctx.headText(f).contains("\"keypoints\"")) {
        return CERTAIN;
      }
    }
    return NONE;
  }
}
