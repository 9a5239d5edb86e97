package org.trainset.core.spi;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a dataset in two steps, as Spark's DataSource V2 does: {@link #plan} reads the schema
 * and splits the input into independent {@link ReadPart}s (files, shards, byte ranges) without
 * reading items; each part is then opened and pulled item by item. A part can run on another
 * thread or inside a Spark task, so parts must be serialisable and self-contained.
 */
public interface DatasetReader {
  ReadPlan plan(Path root, ReadOptions options) throws IOException;
}
