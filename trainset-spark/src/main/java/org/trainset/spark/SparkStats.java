package org.trainset.spark;

import java.io.IOException;
import org.apache.spark.api.java.JavaSparkContext;
import org.trainset.core.DatasetStats;
import org.trainset.core.model.Item;
import org.trainset.core.stats.Statistics;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ReadOptions;

/** {@code stats} on Spark: each part counted by {@link DatasetStats}, the counts merged in part order. */
public final class SparkStats {
  private SparkStats() {}

  /** The same result record as {@link Statistics#run}. */
  public static Statistics.Result run(JavaSparkContext jsc, String data, String formatId, ReadOptions options) throws IOException {
    SparkInput input = SparkInput.plan(jsc, data, formatId, options, options.problems());
    DatasetStats total = new DatasetStats();
    for (DatasetStats s : PartJobs.run(jsc, input.plan().parts(), input.options(), "trainset stats " + data,
        (index, part, opts) -> {
          DatasetStats stats = new DatasetStats();
          try (ItemCursor c = part.open(opts)) {
            for (Item i = c.next(); i != null; i = c.next()) stats.add(i);
          }
          return stats;
        })) {
      total.merge(s);
    }
    return new Statistics.Result(input.format().id(), total.items(), total.annotations(), total.byType(),
        total.byLabel(), total.bySubset(), total.mediaByKind(), input.plan().schema().labels().size());
  }
}
