package org.trainset.formats.media;

import java.util.Optional;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.FormatDetector;

/**
 * A plain folder of collected media (images, videos, DICOM, text) where the collect stage
 * starts: one item per file, with an optional {@code metadata.csv} (source, URL, licence, date,
 * ...) joined as item attributes. Image sizes come from file headers, not decoded pixels.
 */
public final class MediaFormat implements Format {
  public static final String ID = "media";
  static final String METADATA_CSV = "metadata.csv";

  @Override public String id() { return ID; }
  @Override public String description() { return "folder of images/videos/DICOM/text files + optional metadata.csv"; }
  @Override public FormatDetector detector() { return new MediaDetector(); }
  @Override public Optional<DatasetReader> reader() { return Optional.of(new MediaReader()); }
  @Override public Optional<DatasetWriter> writer() { return Optional.of(new MediaWriter()); }
}
