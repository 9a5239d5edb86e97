package org.trainset.spark;

import java.io.Serializable;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPart;

/**
 * What an executor does with one read part: open it with the unchanged reader (through
 * {@code options}, whose storage points at the data) and return a small, serialisable result
 * (counts, accumulators, findings kept, a shard written).
 */
@FunctionalInterface
public interface PartTask<R extends Serializable> extends Serializable {
  R run(int index, ReadPart part, ReadOptions options) throws Exception;
}
