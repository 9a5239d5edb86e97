package org.trainset.families.face;

import java.util.Optional;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.FormatDetector;

/**
 * AI Hub Korean faces (families doc §7): {@code <Res>_Resolution/<person>/S…/L…/E…/C….jpg} with a
 * label txt per image (7 landmarks, 7 boxes). See docs/formats/aihub.face.md.
 */
public final class FaceFormat implements Format {
  public static final String ID = "aihub.face";

  @Override public String id() { return ID; }
  @Override public String description() {
    return "AI Hub Korean faces: resolution/person/session/light/expression/camera grid, txt with 7 landmarks + 7 boxes";
  }
  @Override public FormatDetector detector() { return new FaceDetector(); }
  @Override public Optional<DatasetReader> reader() { return Optional.of(new FaceReader()); }
  @Override public Optional<DatasetWriter> writer() { return Optional.of(new FaceWriter()); }
}
