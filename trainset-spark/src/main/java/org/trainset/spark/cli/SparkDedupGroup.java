package org.trainset.spark.cli;

import org.trainset.cli.Verb;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code trainset spark dedup text|images}: the dedup verbs with their parallel work on Spark. */
@Command(name = "dedup", mixinStandardHelpOptions = true,
    subcommands = {SparkDedupTextVerb.class, SparkDedupImagesVerb.class},
    description = "Exact and near-duplicate removal on Spark; same clusters and output as 'trainset dedup'.")
public final class SparkDedupGroup implements Verb {
  @Spec CommandSpec spec;

  @Override public Class<?> group() {
    return SparkGroup.class;
  }

  @Override public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing sub-verb");
  }
}
