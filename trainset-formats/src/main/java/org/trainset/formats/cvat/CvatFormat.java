package org.trainset.formats.cvat;

import java.util.Optional;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.FormatDetector;

/**
 * CVAT for images 1.1 and CVAT for video 1.1: one XML file ({@code annotations.xml} in a folder,
 * or any file) with {@code <meta>} and then {@code <image>} and/or {@code <track>} elements.
 * See docs/formats/cvat.md for how elements map to the model.
 */
public final class CvatFormat implements Format {
  public static final String ID = "cvat";
  /** The annotation file inside an export folder. */
  static final String ANNOTATIONS_FILE = "annotations.xml";
  /** Key of the CVAT-specific block in {@code DatasetSchema.metadata}. */
  static final String METADATA_KEY = "cvat";

  @Override public String id() { return ID; }
  @Override public String description() { return "CVAT for images / for video 1.1 XML (tasks, jobs, projects)"; }
  @Override public FormatDetector detector() { return new CvatDetector(); }
  @Override public Optional<DatasetReader> reader() { return Optional.of(new CvatReader()); }
  @Override public Optional<DatasetWriter> writer() { return Optional.of(new CvatWriter()); }
}
