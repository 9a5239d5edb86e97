package org.trainset.formats.coco;

import java.util.Optional;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.FormatDetector;

/**
 * COCO: a single COCO JSON file, Datumaro's folder layout ({@code annotations/<task>_<subset>.json}
 * with images under {@code images/<subset>/}), or Roboflow's ({@code <subset>/_annotations.coco.json}).
 * Reading streams with bounded memory (see {@link CocoPart}); writing produces Datumaro's layout.
 * See docs/formats/coco.md.
 */
public final class CocoFormat implements Format {
  public static final String ID = "coco";

  @Override public String id() { return ID; }
  @Override public String description() {
    return "COCO JSON (instances, person_keypoints, captions, labels, image_info; Datumaro/Roboflow layouts)";
  }
  @Override public FormatDetector detector() { return new CocoDetector(); }
  @Override public Optional<DatasetReader> reader() { return Optional.of(new CocoReader()); }
  @Override public Optional<DatasetWriter> writer() { return Optional.of(new CocoWriter()); }
}
