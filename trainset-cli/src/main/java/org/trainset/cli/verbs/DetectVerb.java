package org.trainset.cli.verbs;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.trainset.cli.DatasetInput;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.Verb;
import org.trainset.cli.Json;
import org.trainset.core.io.InputException;
import org.trainset.core.spi.Detection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "detect", mixinStandardHelpOptions = true,
    description = {"Say which dataset format PATH is in.",
        "The first line is the winning format id; then every candidate with its confidence."})
public final class DetectVerb implements Verb {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Parameters(paramLabel = "PATH", description = "A dataset file or folder.") Path path;

  @Override public Integer call() throws Exception {
    List<Detection> found = DatasetInput.registry().detectAll(path);
    if (found.isEmpty()) throw new InputException(path, "unknown-format", "no known dataset format recognises this path");
    var out = spec.commandLine().getOut();
    if (output.json) {
      var root = Json.object();
      root.put("format", found.get(0).format().id());
      var arr = root.putArray("candidates");
      for (Detection d : found) arr.addObject().put("format", d.format().id()).put("confidence", d.confidence());
      out.println(Json.write(root));
    } else {
      out.println(found.get(0).format().id());
      for (Detection d : found) {
        out.printf(Locale.ROOT, "  %-20s %.2f  %s%n", d.format().id(), d.confidence(), d.format().description());
      }
    }
    return 0;
  }
}
