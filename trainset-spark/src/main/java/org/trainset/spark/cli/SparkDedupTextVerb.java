package org.trainset.spark.cli;

import org.apache.spark.api.java.JavaSparkContext;
import org.trainset.cli.refine.DedupTextVerb;
import org.trainset.refine.text.TextDedup;
import org.trainset.spark.SparkProgress;
import org.trainset.spark.SparkSessions;
import org.trainset.spark.SparkTextDedup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code trainset dedup text} with reading, MinHash, LSH buckets and verification on Spark. */
@Command(name = "text", mixinStandardHelpOptions = true,
    description = {"'trainset dedup text' on Spark: one task per read part, MinHash per text, LSH buckets by a",
        "shuffle, candidates verified by exact Jaccard in tasks; clusters by connected components of the",
        "verified pairs on the driver. Same clusters, output and report as the single-process verb.",
        "IN and OUT are local or shared paths."})
public final class SparkDedupTextVerb extends DedupTextVerb {
  @Mixin SparkOptions spark;
  private SparkProgress progress;
  private JavaSparkContext jsc;

  @Override public Class<?> group() {
    return null; // a subcommand of 'spark dedup'
  }

  @Override protected TextDedup.Engine engine() {
    jsc = SparkSessions.context(SparkSessions.session(spark.master));
    if (!output.quiet) {
      progress = new SparkProgress(spec.commandLine().getErr(), "dedup text");
      jsc.sc().addSparkListener(progress);
    }
    return new SparkTextDedup(jsc);
  }

  @Override public Integer call() throws Exception {
    try {
      return super.call();
    } finally {
      if (progress != null) jsc.sc().removeSparkListener(progress);
    }
  }
}
