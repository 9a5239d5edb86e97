package org.trainset.spark.cli;

import org.trainset.cli.LimitOptions;
import org.trainset.cli.verbs.StatsVerb;
import org.trainset.core.stats.Statistics;
import org.trainset.spark.SparkStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "stats", mixinStandardHelpOptions = true,
    description = "Count items and annotations on Spark (one task per read part); same output as 'trainset stats'.")
public final class SparkStatsVerb extends SparkVerb {
  @Mixin LimitOptions limits;
  @Parameters(paramLabel = "DATA", description = "A dataset path or URI (file://, hdfs://, s3a://).") String data;
  @Option(names = "--format", paramLabel = "ID", description = "Read as this format instead of detecting it.")
  String formatId;

  @Override public Integer call() throws Exception {
    Statistics.Result r = inSpark("stats", jsc -> SparkStats.run(jsc, data, formatId, limits.readOptions()));
    StatsVerb.render(spec.commandLine().getOut(), r, output.json);
    return 0;
  }
}
