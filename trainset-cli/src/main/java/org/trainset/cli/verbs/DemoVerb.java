package org.trainset.cli.verbs;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.trainset.cli.DatasetInput;
import org.trainset.cli.Json;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.Verb;
import org.trainset.cli.server.DemoPlatform;
import org.trainset.core.convert.Conversion;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.issue.Issue;
import org.trainset.core.progress.Progress;
import org.trainset.core.spi.Detection;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.stats.Statistics;
import org.trainset.core.validate.Validation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The main job on bundled data: detect, stats, validate, then convert into the generic formats
 * and read each result back, printing what happened at each step. Each step's output is
 * written atomically (the input copy, then one folder per conversion).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Run trainset end to end: on a small bundled dataset (4 street scenes, COCO) detect, stats,",
        "validate, convert to other formats and read each result back; then the production line on the",
        "platform: generate a family sample, refine it, start an embedded server, push the sample into a",
        "project, run its rule pack, export, and print the URL and demo accounts. Serves until Ctrl-C",
        "(--no-serve ends after the steps)."})
public final class DemoVerb implements Verb {
  private static final String BUNDLE = "/org/trainset/cli/demo/street/";

  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Option(names = "--out", defaultValue = "demo-output", paramLabel = "DIR",
      description = "Where the demo writes (replaced as a whole; default ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--to", split = ",", paramLabel = "ID", defaultValue = "cvat,voc,yolo,trainset",
      description = "Formats to convert into (default ${DEFAULT-VALUE}).")
  List<String> targets;

  @Option(names = "--family", defaultValue = "aihub.sidewalk", paramLabel = "ID",
      description = "Family whose sample goes through the platform (default ${DEFAULT-VALUE}).")
  String family;

  @Option(names = "--items", defaultValue = "24", paramLabel = "N", description = "Sample size (default ${DEFAULT-VALUE}).")
  int items;

  @Option(names = "--port", defaultValue = "0", paramLabel = "N", description = "Server port (default: a free one).")
  int port;

  @Option(names = "--no-serve", description = "End after the steps instead of serving until Ctrl-C (scripts, CI).")
  boolean noServe;

  @Override public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    var report = Json.object();
    Path input = extractBundle(out.resolve("input/street"));
    step(o, "1. detect " + input);
    List<Detection> found = DatasetInput.registry().detectAll(input);
    Format source = found.get(0).format();
    for (Detection d : found) step(o, String.format(Locale.ROOT, "   %-14s %.2f", d.format().id(), d.confidence()));
    report.put("format", source.id());

    step(o, "2. stats");
    Statistics.Result stats = Statistics.run(source, input, ReadOptions.defaults(), Progress.NONE);
    step(o, String.format("   %d items, %d annotations, by type %s, by label %s", stats.items(),
        stats.annotations(), stats.byType(), stats.byLabel()));
    report.put("items", stats.items()).put("annotations", stats.annotations());

    step(o, "3. validate");
    List<Issue> problems = Validation.run(source, input, ReadOptions.defaults(), Progress.NONE).issues();
    step(o, "   " + problems.size() + " problems");
    problems.forEach(p -> step(o, "   " + p));
    report.put("problems", problems.size());

    step(o, "4. convert to " + String.join(", ", targets) + ", then read each result back");
    var conversions = report.putArray("conversions");
    for (String id : targets) {
      Format target = DatasetInput.registry().require(id);
      Path dest = out.resolve("converted/" + target.id());
      Conversion.Result r = Conversion.run(source, input, target, dest, ReadOptions.defaults(), false, Progress.NONE);
      Statistics.Result back = Statistics.run(DatasetInput.registry().detect(dest), dest, ReadOptions.defaults(),
          Progress.NONE);
      step(o, String.format("   %-10s converted %d items / %d annotations; read back %d / %d; %s", target.id(),
          r.itemsRead(), r.annotationsRead(), back.items(), back.annotations(), r.loss().describe().replace("\n", "; ")));
      conversions.addObject().put("to", target.id()).put("readBackItems", back.items())
          .put("readBackAnnotations", back.annotations()).put("loss", r.loss().describe());
    }
    DemoPlatform.run(out, new DemoPlatform.Options(family, items, port, !noServe), report, text -> {
      step(o, text);
      o.flush();
      if (!noServe && output.json && text.startsWith("serving")) {
        o.println(Json.write(report)); // the caller gets the URL and accounts before the demo blocks
        o.flush();
      }
    });
    step(o, "done: results in " + out.toAbsolutePath().normalize());
    if (output.json && noServe) o.println(Json.write(report));
    return 0;
  }

  /** Text progress of the demo; silent with --json, which prints one object at the end. */
  private void step(PrintWriter o, String text) {
    if (!output.json) o.println(text);
  }

  /** Copies the bundled dataset (listed in its FILES index) out of the jar, atomically. */
  private static Path extractBundle(Path target) throws IOException {
    List<String> files;
    try (InputStream index = DemoVerb.class.getResourceAsStream(BUNDLE + "FILES")) {
      if (index == null) throw new IllegalStateException("demo bundle missing from the build");
      files = new String(index.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }
    try (AtomicOutput staging = AtomicOutput.directory(target)) {
      for (String f : files) {
        Path dest = staging.resolve(f);
        Files.createDirectories(dest.getParent());
        try (InputStream in = DemoVerb.class.getResourceAsStream(BUNDLE + f)) {
          Files.copy(in, dest);
        }
      }
      staging.commit();
    }
    return target;
  }
}
