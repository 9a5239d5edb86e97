package org.trainset.cli.verbs;

import java.nio.file.Path;
import java.util.List;
import org.trainset.cli.DatasetInput;
import org.trainset.cli.Json;
import org.trainset.cli.LimitOptions;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.ProgressBar;
import org.trainset.cli.Verb;
import org.trainset.core.issue.Issue;
import org.trainset.core.spi.Format;
import org.trainset.core.validate.Validation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Check a dataset against its format's rules: dangling image/category references,",
        "boxes outside the image, degenerate polygons, undeclared labels, duplicate ids, media files",
        "that do not exist (counted, with the first few named).",
        "Exit 1 when problems are found, 3 when the input cannot be read at all."})
public final class ValidateVerb implements Verb {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Mixin LimitOptions limits;
  @Parameters(paramLabel = "PATH", description = "A dataset file or folder.") Path path;
  @Mixin ValidateOptions validate;

  @Override public Integer call() throws Exception {
    Format format = DatasetInput.formatOf(path, validate.formatId);
    Validation.Result result = Validation.run(format, path, limits.readOptions(), !validate.noMediaCheck,
        ProgressBar.forTerminal(spec.commandLine().getErr(), output));
    render(spec.commandLine().getOut(), result, output.json, validate.maxShown, path.toString());
    return result.clean() ? 0 : 1;
  }

  /** Prints the result as this verb does (also {@code trainset spark validate}). */
  public static void render(java.io.PrintWriter out, Validation.Result result, boolean json, int maxShown, String path) {
    List<Issue> issues = result.issues();
    if (json) {
      out.println(Json.write(result.toJson()));
    } else {
      issues.stream().limit(maxShown).forEach(out::println);
      if (issues.size() > maxShown) out.println("... and " + (issues.size() - maxShown) + " more");
      out.printf("%s: %d items, %d problems (%s)%n", path, result.items(), issues.size(), result.format());
    }
  }
}
