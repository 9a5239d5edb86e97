package org.trainset.core.spi;

import java.io.IOException;
import java.nio.file.Path;
import org.trainset.core.convert.LossReport;
import org.trainset.core.model.DatasetSchema;

/**
 * Writes a dataset from a stream of items. Implementations stage everything under
 * {@link org.trainset.core.io.AtomicOutput} and only {@link ItemSink#commit()} makes it visible;
 * what the format cannot hold is declared on the {@link LossReport} (which throws in strict mode).
 */
public interface DatasetWriter {
  ItemSink open(Path outDir, DatasetSchema schema, WriteOptions options, LossReport loss) throws IOException;

  /**
   * Whether the format keeps the documents attached to items (reports). Most formats have no place
   * for them; {@link org.trainset.core.convert.Conversion} then puts each one on the loss report.
   */
  default boolean keepsDocuments() {
    return false;
  }
}
