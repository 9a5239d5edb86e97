package org.trainset.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.trainset.core.Datasets;
import org.trainset.core.FormatRegistry;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ProblemSink;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPlan;

/**
 * The driver's side of a job: detect the format and plan the parts, exactly as the CLI does.
 * A local or {@code file://} DATA is planned in place (on a cluster it must be a path every node
 * sees, e.g. a shared mount); another scheme is staged to the driver for planning, and the
 * executors fetch their own parts through {@link HadoopStorage}.
 *
 * @param format   the dataset's format
 * @param root     the local path that was planned
 * @param plan     its parts
 * @param options  what travels to the executors (limits, {@link ProblemSink#FAIL}, storage)
 */
public record SparkInput(Format format, Path root, ReadPlan plan, ReadOptions options) {
  private static final FormatRegistry REGISTRY = FormatRegistry.load();

  /**
   * Plans {@code data}; problems found while planning go to {@code planProblems} (the CLI's
   * sink for that verb), problems found while reading are each executor's business.
   */
  public static SparkInput plan(JavaSparkContext jsc, String data, String formatId, ReadOptions base,
                                ProblemSink planProblems) throws IOException {
    Path root;
    ReadOptions shipped;
    if (HadoopStorage.isRemote(data)) {
      Configuration conf = jsc.hadoopConfiguration();
      root = new HadoopStorage(data, null, conf, true).local(data);
      shipped = base.withStorage(new HadoopStorage(data, root.toString(), conf, false));
    } else {
      root = data.startsWith("file:") ? Path.of(java.net.URI.create(data)) : Path.of(data);
      shipped = base;
    }
    if (!Files.exists(root)) throw new NoSuchFileException(data);
    Format format = formatId != null ? REGISTRY.require(formatId) : REGISTRY.detect(root);
    ReadPlan plan = Datasets.plan(format, root, base.withProblems(planProblems));
    return new SparkInput(format, root, plan, shipped.withProblems(ProblemSink.FAIL));
  }
}
