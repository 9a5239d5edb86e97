package org.trainset.families.corpus;

import java.io.IOException;
import java.util.List;

/** Writes the rows of one domain file; the header is given when the writer is made. */
interface RowWriter extends AutoCloseable {
  /** One row, values by header column (null for empty). */
  void write(List<Object> values) throws IOException;

  /** Completes the file (closing sheets, flushing). */
  void finish() throws IOException;

  @Override void close() throws IOException;
}
