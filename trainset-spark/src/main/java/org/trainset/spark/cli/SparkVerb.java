package org.trainset.spark.cli;

import org.apache.spark.api.java.JavaSparkContext;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.Verb;
import org.trainset.spark.SparkProgress;
import org.trainset.spark.SparkSessions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every {@code trainset spark} verb shares: --json/--quiet, --master, progress from Spark's listener. */
abstract class SparkVerb implements Verb {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Mixin SparkOptions spark;

  @Override public Class<?> group() {
    return SparkGroup.class;
  }

  /** Runs {@code job} in the session, with progress on stderr unless --quiet. */
  <R> R inSpark(String task, SparkJob<R> job) throws Exception {
    JavaSparkContext jsc = SparkSessions.context(SparkSessions.session(spark.master));
    SparkProgress progress = output.quiet ? null : new SparkProgress(spec.commandLine().getErr(), task);
    if (progress != null) jsc.sc().addSparkListener(progress);
    try {
      return job.run(jsc);
    } finally {
      if (progress != null) jsc.sc().removeSparkListener(progress);
    }
  }

  @FunctionalInterface
  interface SparkJob<R> {
    R run(JavaSparkContext jsc) throws Exception;
  }
}
