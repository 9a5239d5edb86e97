package org.trainset.families.xray;

import java.util.Optional;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.FormatDetector;

/**
 * AI Hub X-ray hazardous items (families doc §8): device → item → sample folders
 * ({@code Astrophysics/Knife/Single_Default/}) of PNGs with a COCO segmentation JSON and Pascal
 * VOC boxes, read by the {@code coco} and {@code voc} formats and joined per image. Read only:
 * publish with {@code convert --to voc|coco}. See docs/formats/aihub.xray.md.
 */
public final class XrayFormat implements Format {
  public static final String ID = "aihub.xray";

  @Override public String id() { return ID; }
  @Override public String description() {
    return "AI Hub X-ray hazardous items: maker/item/sample folders with COCO polygons and Pascal VOC boxes";
  }
  @Override public FormatDetector detector() { return new XrayDetector(); }
  @Override public Optional<DatasetReader> reader() { return Optional.of(new XrayReader()); }
  @Override public Optional<DatasetWriter> writer() { return Optional.of(new XrayWriter()); }
}
