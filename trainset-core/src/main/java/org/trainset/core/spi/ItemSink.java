package org.trainset.core.spi;

import java.io.IOException;
import org.trainset.core.model.Item;

/** Receives items; {@link #commit()} publishes the output, {@link #close()} alone discards it. */
public interface ItemSink extends AutoCloseable {
  void accept(Item item) throws IOException;

  void commit() throws IOException;

  @Override void close() throws IOException;
}
