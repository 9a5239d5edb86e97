package org.trainset.cli.verbs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trainset.cli.DatasetInput;
import org.trainset.cli.Json;
import org.trainset.cli.LimitOptions;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.Verb;
import org.trainset.core.Datasets;
import org.trainset.core.model.Item;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.Problem;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPlan;
import org.trainset.core.validate.DatasetValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Check a dataset against its format's rules: dangling image/category references,",
        "boxes outside the image, degenerate polygons, undeclared labels, duplicate ids.",
        "Exit 1 when problems are found, 3 when the input cannot be read at all."})
public final class ValidateVerb implements Verb {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Mixin LimitOptions limits;
  @Parameters(paramLabel = "PATH", description = "A dataset file or folder.") Path path;
  @Option(names = "--format", paramLabel = "ID", description = "Read as this format instead of detecting it.")
  String formatId;
  @Option(names = "--max-shown", defaultValue = "50", description = "Problems printed in text mode (default ${DEFAULT-VALUE}).")
  int maxShown;

  @Override public Integer call() throws Exception {
    Format format = DatasetInput.formatOf(path, formatId);
    List<Problem> problems = new ArrayList<>();
    // Readers report recoverable problems (dangling references) here instead of failing.
    ReadOptions options = limits.readOptions().withProblems(problems::add);
    ReadPlan plan = Datasets.plan(format, path, options);
    DatasetValidator validator = new DatasetValidator(plan.schema(), problems::add);
    long items = 0;
    try (ItemCursor cursor = Datasets.cursor(plan, options)) {
      for (Item i = cursor.next(); i != null; i = cursor.next()) {
        validator.check(i);
        items++;
      }
    }
    var out = spec.commandLine().getOut();
    if (output.json) {
      var root = Json.object();
      root.put("format", format.id()).put("items", items).put("problems", problems.size());
      var arr = root.putArray("findings");
      for (Problem p : problems) {
        var f = arr.addObject().put("severity", p.severity()).put("rule", p.rule()).put("message", p.message());
        if (p.file() != null) f.put("file", p.file());
        if (p.line() >= 0) f.put("line", p.line());
        if (p.item() != null) f.put("item", p.item());
        if (p.annotation() != null) f.put("annotation", p.annotation());
      }
      out.println(Json.write(root));
    } else {
      problems.stream().limit(maxShown).forEach(p -> out.println(p));
      if (problems.size() > maxShown) out.println("... and " + (problems.size() - maxShown) + " more");
      out.printf("%s: %d items, %d problems (%s)%n", path, items, problems.size(), format.id());
    }
    return problems.isEmpty() ? 0 : 1;
  }
}
