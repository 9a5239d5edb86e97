package org.trainset.spark.cli;

import java.nio.file.Path;
import org.trainset.cli.LimitOptions;
import org.trainset.cli.inspect.InspectOptions;
import org.trainset.cli.inspect.InspectVerb;
import org.trainset.core.FormatRegistry;
import org.trainset.core.issue.Severity;
import org.trainset.inspect.Inspection;
import org.trainset.inspect.rules.RulePack;
import org.trainset.spark.HadoopStorage;
import org.trainset.spark.SparkInspection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = {"Check a dataset against guideline rules on Spark: item rules in the tasks, dataset rules",
        "merged from each task's accumulators. Same findings and counts as 'trainset inspect' (no HTML report).",
        "Exit 1 when findings at or above --fail-on exist, 3 when the dataset or pack cannot be read."})
public final class SparkInspectVerb extends SparkVerb {
  @Mixin LimitOptions limits;
  @Parameters(paramLabel = "DATA", description = "A dataset path or URI (file://, hdfs://, s3a://).") String data;
  @Mixin InspectOptions inspect;

  @Override public Integer call() throws Exception {
    Severity threshold = inspect.threshold();
    String formatId = inspect.formatId;
    String format = formatId != null || inspect.rules != null || HadoopStorage.isRemote(data) ? formatId
        : FormatRegistry.load().detect(Path.of(data)).id();
    RulePack pack = inspect.pack(format);
    Inspection.Result r = inSpark("inspect", jsc -> SparkInspection.run(jsc, data, formatId, limits.readOptions(),
        pack, inspect.maxShown));
    InspectVerb.render(spec.commandLine().getOut(), r, output.json, data);
    return r.atLeast(threshold) > 0 ? 1 : 0;
  }
}
