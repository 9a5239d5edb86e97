package org.trainset.spark.cli;

import java.nio.file.Path;
import org.trainset.cli.verbs.ConvertVerb;
import org.trainset.cli.LimitOptions;
import org.trainset.cli.UsageException;
import org.trainset.formats.trainset.TrainsetFormat;
import org.trainset.spark.SparkConversion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "convert", mixinStandardHelpOptions = true,
    description = {"Convert a dataset to the native 'trainset' format on Spark: one shard per partition, published",
        "at once when every task succeeded (nothing is written otherwise). Reading the output gives the same",
        "items in the same order as 'trainset convert --to trainset'; convert that further with 'trainset convert'."})
public final class SparkConvertVerb extends SparkVerb {
  @Mixin LimitOptions limits;
  @Parameters(paramLabel = "DATA", description = "The dataset to convert (path or URI).") String data;
  @Option(names = "--to", defaultValue = TrainsetFormat.ID, paramLabel = "ID",
      description = "Target format; only '" + TrainsetFormat.ID + "' (the sharded native format) on Spark.") String to;
  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Output folder (on a cluster: on storage every executor can write).") Path out;
  @Option(names = "--from", paramLabel = "ID", description = "Source format id (default: detected).") String from;
  @Option(names = "--strict", description = "Fail instead of dropping or changing anything.") boolean strict;

  @Override public Integer call() throws Exception {
    if (!TrainsetFormat.ID.equals(to)) {
      throw new UsageException("spark convert writes the sharded native format ('--to " + TrainsetFormat.ID
          + "'); convert its output with 'trainset convert --to " + to + "'");
    }
    SparkConversion.Result r = inSpark("convert", jsc -> SparkConversion.run(jsc, data, from, out,
        limits.readOptions(), strict));
    ConvertVerb.render(spec.commandLine().getOut(), r.conversion(), output.json, r.input().format().id(), to,
        out.toString());
    return 0;
  }
}
