package org.trainset.refine;

import java.io.IOException;
import java.nio.file.Path;
import org.trainset.core.Datasets;
import org.trainset.core.convert.LossReport;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.progress.Progress;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPlan;
import org.trainset.core.spi.WriteOptions;

/**
 * The second pass every refinement shares: stream the input again and write the items a decision
 * keeps (possibly changed) through the target format's writer, which publishes only on commit.
 */
public final class DatasetRewrite {
  private DatasetRewrite() {}

  /** Decides per item (by input index) what to write: the item, a changed item, or null to drop. */
  @FunctionalInterface
  public interface Decision {
    Item apply(long index, Item item) throws IOException;
  }

  public static DatasetWriter writerOf(Format to) {
    return to.writer().orElseThrow(() -> new IllegalArgumentException("format '" + to.id() + "' cannot be written"));
  }

  /** Writes the kept items of {@code input} to {@code out}; returns what the target format lost. */
  public static LossReport write(Format from, Path input, Format to, Path out, DatasetSchema schema,
                                 WriteOptions writeOptions, ReadOptions readOptions, Progress progress,
                                 Decision decision) throws IOException {
    DatasetWriter writer = writerOf(to);
    ReadPlan plan = Datasets.plan(from, input, readOptions);
    LossReport loss = LossReport.lenient();
    progress.start("write " + to.id(), -1);
    long index = 0;
    try (ItemSink sink = writer.open(out, schema == null ? plan.schema() : schema, writeOptions, loss);
         ItemCursor cursor = Datasets.cursor(plan, readOptions)) {
      for (Item item = cursor.next(); item != null; item = cursor.next()) {
        Item kept = decision.apply(index++, item);
        if (kept != null) sink.accept(kept);
        if ((index & 1023) == 0) progress.advance(index);
      }
      sink.commit();
    } finally {
      progress.finish();
    }
    return loss;
  }

  /** The usual options: media stay where they are, referenced from the plan's media root. */
  public static WriteOptions referencing(ReadPlan plan, Path input) {
    return new WriteOptions(plan.mediaRootFor(input), false);
  }
}
