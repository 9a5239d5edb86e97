package org.trainset.spark.cli;

import java.nio.file.Path;
import org.trainset.cli.LimitOptions;
import org.trainset.cli.UsageException;
import org.trainset.cli.inspect.InspectVerb;
import org.trainset.core.FormatRegistry;
import org.trainset.core.issue.Severity;
import org.trainset.inspect.Inspection;
import org.trainset.inspect.rules.RulePack;
import org.trainset.spark.HadoopStorage;
import org.trainset.spark.SparkInspection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = {"Check a dataset against guideline rules on Spark: item rules in the tasks, dataset rules",
        "merged from each task's accumulators. Same findings and counts as 'trainset inspect' (no HTML report).",
        "Exit 1 when findings at or above --fail-on exist, 3 when the dataset or pack cannot be read."})
public final class SparkInspectVerb extends SparkVerb {
  @Mixin LimitOptions limits;
  @Parameters(paramLabel = "DATA", description = "A dataset path or URI (file://, hdfs://, s3a://).") String data;
  @Option(names = "--format", paramLabel = "ID", description = "Read as this format instead of detecting it.")
  String formatId;
  @Option(names = "--rules", paramLabel = "PACK|FILE",
      description = "Rule pack id or file (default: the built-in pack named like the dataset's format).")
  String rules;
  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "error",
      description = "Exit 1 when findings of this severity or worse exist: info, warning, error (default ${DEFAULT-VALUE}).")
  String failOn;
  @Option(names = "--max-shown", defaultValue = "100", description = "Findings listed in text/JSON output (default ${DEFAULT-VALUE}).")
  int maxShown;

  @Override public Integer call() throws Exception {
    Severity threshold;
    try {
      threshold = Severity.parse(failOn);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--fail-on: " + e.getMessage());
    }
    String format = formatId != null || rules != null || HadoopStorage.isRemote(data) ? formatId
        : FormatRegistry.load().detect(Path.of(data)).id();
    RulePack pack;
    try {
      pack = Inspection.packFor(rules, format);
    } catch (Inspection.NoPackException e) {
      throw new UsageException("no built-in rule pack for format '" + format + "'; give --rules PACK|FILE");
    }
    Inspection.Result r = inSpark("inspect", jsc -> SparkInspection.run(jsc, data, formatId, limits.readOptions(),
        pack, maxShown));
    InspectVerb.render(spec.commandLine().getOut(), r, output.json, data);
    return r.atLeast(threshold) > 0 ? 1 : 0;
  }
}
