package org.trainset.spark.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.trainset.cli.Json;
import org.trainset.cli.UsageException;
import org.trainset.cli.inspect.InspectVerb;
import org.trainset.core.FormatRegistry;
import org.trainset.inspect.rules.Finding;
import org.trainset.inspect.rules.FindingTally;
import org.trainset.inspect.rules.RulePack;
import org.trainset.inspect.rules.RulePacks;
import org.trainset.inspect.rules.Severity;
import org.trainset.spark.SparkInspection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = {"Check a dataset against guideline rules on Spark: item rules in the tasks, dataset rules",
        "merged from each task's accumulators. Same findings and counts as 'trainset inspect' (no HTML report).",
        "Exit 1 when findings at or above --fail-on exist, 3 when the dataset or pack cannot be read."})
public final class SparkInspectVerb extends SparkVerb {
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
    RulePack pack = RulePacks.load(packName());
    SparkInspection.Result r = inSpark("inspect", jsc -> SparkInspection.run(jsc, data, formatId, pack, maxShown,
        InspectVerb::readerFinding));
    FindingTally tally = r.tally();
    var out = spec.commandLine().getOut();
    String format = r.input().format().id();
    if (output.json) {
      ObjectNode root = Json.object();
      root.put("format", format).put("pack", pack.id()).put("items", r.items()).put("findings", tally.total());
      root.set("bySeverity", Json.fromMap(tally.bySeverity()));
      root.set("byRule", Json.fromMap(tally.byRule()));
      var arr = root.putArray("shown");
      for (Finding f : tally.kept()) {
        ObjectNode n = arr.addObject().put("rule", f.ruleId()).put("severity", f.severity().key());
        if (f.itemId() != null) n.put("item", f.itemId());
        if (f.annotationId() != null) n.put("annotation", f.annotationId());
        if (f.relatedId() != null) n.put("related", f.relatedId());
        n.put("message", f.message());
        n.set("value", Json.fromMap(java.util.Collections.singletonMap("v", f.value())).get("v"));
      }
      out.println(Json.write(root));
    } else {
      tally.kept().forEach(out::println);
      if (tally.total() > tally.kept().size()) out.println("... and " + (tally.total() - tally.kept().size()) + " more");
      out.printf("%s: %d items, %d findings %s (pack %s, format %s)%n", data, r.items(), tally.total(),
          tally.bySeverity(), pack.id(), format);
    }
    return tally.atLeast(threshold) > 0 ? 1 : 0;
  }

  /** The pack named by --rules, else the built-in pack of the detected format (as 'trainset inspect'). */
  private String packName() throws java.io.IOException {
    if (rules != null) return rules;
    String id = formatId != null ? formatId
        : data.contains("://") ? null : FormatRegistry.load().detect(java.nio.file.Path.of(data)).id();
    if (id != null && RulePacks.builtinIds().contains(id)) return id;
    throw new UsageException("no built-in rule pack for format '" + id + "'; give --rules PACK|FILE");
  }
}
