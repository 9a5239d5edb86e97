package org.trainset.families.sidewalk;

import java.util.Optional;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.FormatDetector;

/**
 * AI Hub sidewalk walking images (families doc §4): {@code Bbox_xxxx/}, {@code Polygon_xxxx/}
 * and {@code Surface_xxx/} (with {@code MASK/}) folders of images plus one CVAT for images 1.1
 * XML each, {@code Depth_xxx/} folders of 8-file sets plus a calibration {@code .conf}, and a
 * per-image environment CSV per folder; also the producer's own {@code Sample Data/} layout (read
 * only). The XML is read and written by the {@code cvat} format; {@link SidewalkWriter} writes the
 * release layout. See docs/formats/aihub.sidewalk.md.
 */
public final class SidewalkFormat implements Format {
  public static final String ID = "aihub.sidewalk";

  @Override public String id() { return ID; }
  @Override public String description() {
    return "AI Hub sidewalk: Bbox_/Polygon_/Surface_ folders with CVAT XML and masks, Depth_ 8-file sets, environment CSV";
  }
  @Override public FormatDetector detector() { return new SidewalkDetector(); }
  @Override public Optional<DatasetReader> reader() { return Optional.of(new SidewalkReader()); }
  @Override public Optional<DatasetWriter> writer() { return Optional.of(new SidewalkWriter()); }
}
