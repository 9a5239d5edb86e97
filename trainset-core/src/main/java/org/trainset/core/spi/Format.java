package org.trainset.core.spi;

import java.util.Optional;

/**
 * A dataset format, registered with {@link java.util.ServiceLoader} in its own package's jar
 * ({@code META-INF/services/org.trainset.core.spi.Format}). Detection, reading and writing are
 * separate objects so a caller can detect without loading a reader and a format may be
 * read-only or write-only.
 */
public interface Format {
  /** Stable id used on the command line ({@code coco}, {@code cvat}, {@code aihub.sidewalk}). */
  String id();

  /** One line for {@code --help} and listings. */
  String description();

  FormatDetector detector();

  /** Empty when the format cannot be read. */
  Optional<DatasetReader> reader();

  /** Empty when the format cannot be written. */
  Optional<DatasetWriter> writer();
}
