package org.trainset.spark.cli;

import java.util.Map;
import org.trainset.cli.Json;
import org.trainset.cli.LimitOptions;
import org.trainset.core.DatasetStats;
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
    SparkStats.Result r = inSpark("stats", jsc -> SparkStats.run(jsc, data, formatId, limits.readOptions()));
    DatasetStats stats = r.stats();
    var out = spec.commandLine().getOut();
    if (output.json) {
      var root = Json.object();
      root.put("format", r.input().format().id());
      root.put("items", stats.items());
      root.put("annotations", stats.annotations());
      root.set("byType", Json.fromMap(stats.byType()));
      root.set("byLabel", Json.fromMap(stats.byLabel()));
      root.set("bySubset", Json.fromMap(stats.bySubset()));
      root.set("media", Json.fromMap(stats.mediaByKind()));
      root.put("labelsDeclared", r.input().plan().schema().labels().size());
      out.println(Json.write(root));
    } else {
      out.println("format       " + r.input().format().id());
      out.println("items        " + stats.items());
      out.println("annotations  " + stats.annotations());
      print(out, "by type", stats.byType());
      print(out, "by label", stats.byLabel());
      if (stats.bySubset().size() > 1 || !stats.bySubset().containsKey("")) print(out, "by subset", stats.bySubset());
    }
    return 0;
  }

  private static void print(java.io.PrintWriter out, String title, Map<String, Long> counts) {
    out.println(title);
    counts.forEach((k, v) -> out.printf("  %-24s %d%n", k.isEmpty() ? "(none)" : k, v));
  }
}
