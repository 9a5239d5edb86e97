package org.trainset.core.spi;

import java.io.IOException;
import java.io.Serializable;

/** An independently readable slice of a dataset. */
public interface ReadPart extends Serializable {
  /** What this part reads, for progress and errors (usually a file name). */
  String describe();

  /** Rough size in bytes for progress and scheduling; 0 when unknown. */
  default long estimatedBytes() {
    return 0;
  }

  ItemCursor open(ReadOptions options) throws IOException;
}
