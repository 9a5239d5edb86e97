package org.trainset.core.spi;

import java.io.IOException;
import org.trainset.core.model.Item;

/** Pull-style item stream; holds at most what one item needs in memory. */
public interface ItemCursor extends AutoCloseable {
  /** The next item, or null at the end. */
  Item next() throws IOException;

  @Override void close() throws IOException;

  /** Bytes consumed so far, for progress (0 when unknown). */
  default long bytesRead() {
    return 0;
  }
}
