package org.trainset.cli.verbs;

import org.trainset.cli.DatasetInput;
import org.trainset.cli.Json;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.Verb;
import org.trainset.core.spi.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "formats", mixinStandardHelpOptions = true,
    description = "List the dataset formats this build reads and writes.")
public final class FormatsVerb implements Verb {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;

  @Override public Integer call() {
    var out = spec.commandLine().getOut();
    var arr = Json.object().putArray("formats");
    for (Format f : DatasetInput.registry().formats()) {
      String rw = (f.reader().isPresent() ? "r" : "-") + (f.writer().isPresent() ? "w" : "-");
      if (output.json) {
        arr.addObject().put("id", f.id()).put("read", f.reader().isPresent())
            .put("write", f.writer().isPresent()).put("description", f.description());
      } else {
        out.printf("%-20s %s  %s%n", f.id(), rw, f.description());
      }
    }
    if (output.json) out.println(Json.write(arr));
    return 0;
  }
}
