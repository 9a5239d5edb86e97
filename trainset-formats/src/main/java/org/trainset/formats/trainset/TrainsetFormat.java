package org.trainset.formats.trainset;

import java.util.Optional;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.FormatDetector;

/**
 * trainset's own lossless format: {@code dataset.json} (the schema) plus {@code items/part-NNNNN.jsonl}
 * shards of one item per line. Every model feature round-trips exactly; later stages (server
 * import, Spark) exchange datasets in it. See docs/formats/trainset.md.
 */
public final class TrainsetFormat implements Format {
  public static final String ID = "trainset";
  static final String SCHEMA_FILE = "dataset.json";
  static final String ITEMS_DIR = "items";
  static final String MARKER = "trainset-dataset";

  @Override public String id() { return ID; }
  @Override public String description() { return "trainset native: dataset.json + JSON Lines item shards (lossless)"; }
  @Override public FormatDetector detector() { return new TrainsetDetector(); }
  @Override public Optional<DatasetReader> reader() { return Optional.of(new TrainsetReader()); }
  @Override public Optional<DatasetWriter> writer() { return Optional.of(new TrainsetWriter()); }
}
