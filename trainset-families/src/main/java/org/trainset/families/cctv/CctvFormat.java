package org.trainset.families.cctv;

import java.util.Optional;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.FormatDetector;

/**
 * AI Hub abnormal-behaviour CCTV (families doc §10): an MP4 and an XML per clip in category
 * folders such as {@code 03.절도(burglary)}. See docs/formats/aihub.cctv.md.
 */
public final class CctvFormat implements Format {
  public static final String ID = "aihub.cctv";

  @Override public String id() { return ID; }
  @Override public String description() {
    return "AI Hub abnormal-behaviour CCTV: mp4 + XML per clip (header, events, object actions), category folders";
  }
  @Override public FormatDetector detector() { return new CctvDetector(); }
  @Override public Optional<DatasetReader> reader() { return Optional.of(new CctvReader()); }
  @Override public Optional<DatasetWriter> writer() { return Optional.of(new CctvWriter()); }
}
