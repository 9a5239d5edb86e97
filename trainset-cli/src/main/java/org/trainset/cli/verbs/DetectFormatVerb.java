package org.trainset.cli.verbs;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.trainset.cli.DatasetInput;
import org.trainset.cli.Json;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.Verb;
import org.trainset.core.io.InputException;
import org.trainset.core.spi.DetectionReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trainset detect}: which dataset format a path holds (not {@code eval detect}, which scores detections). */
@Command(name = "detect", mixinStandardHelpOptions = true,
    description = {"Say which dataset format PATH is in.",
        "The first line is the winning format id; then every candidate with its confidence.",
        "With --explain, every format says why: the evidence it saw or why it rejected PATH."})
public final class DetectFormatVerb implements Verb {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Parameters(paramLabel = "PATH", description = "A dataset file or folder.") Path path;
  @Option(names = "--explain", description = "Show each format's evidence, or its reasons for rejecting PATH.")
  boolean explain;

  @Override public Integer call() throws Exception {
    List<DetectionReport> all = DatasetInput.registry().explain(path);
    List<DetectionReport> found = all.stream().filter(DetectionReport::claims).toList();
    PrintWriter out = spec.commandLine().getOut();
    if (output.json) {
      var root = Json.object();
      if (!found.isEmpty()) root.put("format", found.get(0).format().id());
      var arr = root.putArray("candidates");
      for (DetectionReport d : found) arr.addObject().put("format", d.format().id()).put("confidence", d.confidence());
      if (explain) {
        var ex = root.putArray("explain");
        all.forEach(d -> ex.add(d.toJson()));
      }
      if (!found.isEmpty() || explain) out.println(Json.write(root));
    } else if (explain) {
      out.println(found.isEmpty() ? "(no format)" : found.get(0).format().id());
      for (DetectionReport d : all) {
        out.printf(Locale.ROOT, "  %-20s %.2f  %s%n", d.format().id(), d.confidence(), d.claims() ? "claims" : "rejects");
        d.evidence().forEach(e -> out.println("      + " + e));
        d.reasons().forEach(r -> out.println("      - " + r));
      }
    } else if (!found.isEmpty()) {
      out.println(found.get(0).format().id());
      for (DetectionReport d : found) {
        out.printf(Locale.ROOT, "  %-20s %.2f  %s%n", d.format().id(), d.confidence(), d.format().description());
      }
    }
    if (found.isEmpty()) {
      out.flush();
      throw new InputException(path, "unknown-format", "no known dataset format recognises this path"
          + (explain ? "" : " (--explain shows why)"));
    }
    return 0;
  }
}
