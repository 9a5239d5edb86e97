package org.trainset.cli.inspect;

import java.nio.file.Path;
import org.trainset.cli.DatasetInput;
import org.trainset.cli.Json;
import org.trainset.cli.LimitOptions;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.ProgressBar;
import org.trainset.cli.Verb;
import org.trainset.core.issue.Severity;
import org.trainset.core.spi.Format;
import org.trainset.inspect.Inspection;
import org.trainset.inspect.rules.RulePack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;


@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = {"Check a dataset against guideline rules (a built-in family pack or a YAML/JSON pack file).",
        "Built-in packs: aihub.corpus, aihub.objects, aihub.ocr, aihub.sidewalk, aihub.multimodal, aihub.motion,",
        "aihub.face, aihub.xray, aihub.medical, aihub.cctv (see docs/rules.md).",
        "Reader errors it can recover from (dangling references, missing views) are findings too.",
        "Exit 1 when findings at or above --fail-on exist, 3 when the dataset or pack cannot be read."})
public final class InspectVerb implements Verb {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Mixin LimitOptions limits;
  @Parameters(paramLabel = "PATH", description = "A dataset file or folder.") Path path;
  @Mixin InspectOptions inspect;
  @Option(names = "--html", paramLabel = "REPORT", description = "Write an HTML report with each finding drawn on its image.")
  Path html;
  @Option(names = "--media-root", paramLabel = "DIR",
      description = "Where the items' media paths start, for the HTML report (default: the dataset folder).")
  Path mediaRootOption;
  @Option(names = "--max-report-items", defaultValue = "500",
      description = "Items drawn in the HTML report (default ${DEFAULT-VALUE}).")
  int maxReportItems;

  @Override public Integer call() throws Exception {
    Severity threshold = inspect.threshold();
    Format format = DatasetInput.formatOf(path, inspect.formatId);
    RulePack pack = inspect.pack(format.id());
    Inspection.Result result = Inspection.run(format, path, limits.readOptions(), pack,
        new Inspection.Options(inspect.maxShown, html, mediaRootOption, maxReportItems),
        ProgressBar.forTerminal(spec.commandLine().getErr(), output));
    render(spec.commandLine().getOut(), result, output.json, path.toString());
    return result.atLeast(threshold) > 0 ? 1 : 0;
  }

  /** Prints the result as this verb does (also {@code trainset spark inspect}). */
  public static void render(java.io.PrintWriter out, Inspection.Result result, boolean json, String path) {
    if (json) {
      out.println(Json.write(result.toJson()));
    } else {
      result.shown().forEach(out::println);
      if (result.total() > result.shown().size()) out.println("... and " + (result.total() - result.shown().size()) + " more");
      out.printf("%s: %d items, %d findings %s (pack %s, format %s)%n", path, result.items(), result.total(),
          result.bySeverity(), result.pack(), result.format());
    }
  }
}
