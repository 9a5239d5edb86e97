package org.trainset.core.spi;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Says how sure it is that a path holds its format. Detectors look only at names and the first
 * bytes of files ({@link DetectionContext} caches those) and never parse whole files.
 *
 * <p>Confidence scale, so the most specific format wins: {@link #CERTAIN} for a layout only this
 * format has (an AI Hub family's folder names plus its files); {@link #SPECIFIC} for a standard
 * format's own markers (COCO's {@code "images"} + {@code "annotations"}, CVAT's
 * {@code <annotations>}); {@link #GENERIC} for a generic container (any folder of images);
 * {@link #NONE} otherwise. A family built on a standard format (sidewalk boxes are CVAT XML)
 * detects above the standard format, so it wins.
 */
@FunctionalInterface
public interface FormatDetector {
  double NONE = 0.0;
  double GENERIC = 0.1;
  double PLAUSIBLE = 0.5;
  double SPECIFIC = 0.8;
  double CERTAIN = 0.95;

  /** Confidence in [0, 1] that {@code context.root()} is in this format. */
  double detect(DetectionContext context) throws IOException;

  /** Convenience for tests and callers with a bare path. */
  default double detect(Path path) throws IOException {
    return detect(new DetectionContext(path));
  }
}
