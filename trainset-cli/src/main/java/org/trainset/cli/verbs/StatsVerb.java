package org.trainset.cli.verbs;

import java.nio.file.Path;
import java.util.Map;
import org.trainset.cli.DatasetInput;
import org.trainset.cli.Json;
import org.trainset.cli.LimitOptions;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.ProgressBar;
import org.trainset.cli.Verb;
import org.trainset.core.spi.Format;
import org.trainset.core.stats.Statistics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "stats", mixinStandardHelpOptions = true,
    description = "Count items and annotations (by type, label and subset), streaming the dataset once.")
public final class StatsVerb implements Verb {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Mixin LimitOptions limits;
  @Parameters(paramLabel = "PATH", description = "A dataset file or folder.") Path path;
  @Option(names = "--format", paramLabel = "ID", description = "Read as this format instead of detecting it.")
  String formatId;

  @Override public Integer call() throws Exception {
    Format format = DatasetInput.formatOf(path, formatId);
    Statistics.Result stats = Statistics.run(format, path, limits.readOptions(),
        ProgressBar.forTerminal(spec.commandLine().getErr(), output));
    render(spec.commandLine().getOut(), stats, output.json);
    return 0;
  }

  /** Prints the result as this verb does (also {@code trainset spark stats}). */
  public static void render(java.io.PrintWriter out, Statistics.Result stats, boolean json) {
    if (json) {
      out.println(Json.write(stats.toJson()));
    } else {
      out.println("format       " + stats.format());
      out.println("items        " + stats.items());
      out.println("annotations  " + stats.annotations());
      print(out, "by type", stats.byType());
      print(out, "by label", stats.byLabel());
      if (stats.bySubset().size() > 1 || !stats.bySubset().containsKey("")) print(out, "by subset", stats.bySubset());
    }
  }

  private static void print(java.io.PrintWriter out, String title, Map<String, Long> counts) {
    out.println(title);
    counts.forEach((k, v) -> out.printf("  %-24s %d%n", k.isEmpty() ? "(none)" : k, v));
  }
}
