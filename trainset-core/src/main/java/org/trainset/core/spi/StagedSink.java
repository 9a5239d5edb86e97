package org.trainset.core.spi;

import java.io.IOException;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.model.DatasetSchema;

/**
 * The skeleton every writer's sink shares: items go into a staged output folder
 * ({@link AtomicOutput}); {@link #commit()} releases open files, writes what only the end of the
 * dataset knows ({@link #finish()}: index files, label maps, a document's head) and publishes;
 * {@link #close()} without a commit releases and discards, leaving any earlier output intact.
 */
public abstract class StagedSink implements ItemSink {
  protected final AtomicOutput out;
  protected final DatasetSchema schema;
  protected final WriteOptions options;
  protected final LossReport loss;

  protected StagedSink(AtomicOutput out, DatasetSchema schema, WriteOptions options, LossReport loss) {
    this.out = out;
    this.schema = schema;
    this.options = options;
    this.loss = loss;
  }

  /** Closes what the sink holds open (streams, shard files). Runs on commit and on close; must tolerate a second call. */
  protected void release() throws IOException { }

  /** Writes what only the end of the dataset knows, after {@link #release()}; runs once, on commit. */
  protected void finish() throws IOException { }

  @Override public final void commit() throws IOException {
    release();
    finish();
    out.commit();
  }

  @Override public final void close() throws IOException {
    try {
      release();
    } finally {
      out.close();
    }
  }
}
