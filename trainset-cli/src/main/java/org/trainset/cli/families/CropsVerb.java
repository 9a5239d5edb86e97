package org.trainset.cli.families;

import org.trainset.cli.LimitOptions;
import java.nio.file.Path;
import org.trainset.cli.DatasetInput;
import org.trainset.cli.Json;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.ProgressBar;
import org.trainset.cli.Verb;
import org.trainset.core.Datasets;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPlan;
import org.trainset.families.xray.ReviewCrops;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "crops", mixinStandardHelpOptions = true,
    description = {"Write a PNG crop of every object (box, or polygon without a box) as review thumbnails:",
        "OUT/<label>/<item>_<n>.png. The output folder appears only when every crop was written."})
public final class CropsVerb implements Verb {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Mixin LimitOptions limits;
  @Parameters(paramLabel = "PATH", description = "A dataset file or folder.") Path path;
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.") Path out;
  @Option(names = "--format", paramLabel = "ID", description = "Read as this format instead of detecting it.")
  String formatId;

  @Override public Integer call() throws Exception {
    Format format = DatasetInput.formatOf(path, formatId);
    ReadOptions options = limits.readOptions();
    ReadPlan plan = Datasets.plan(format, path, options);
    ReviewCrops.Result r = ReviewCrops.write(plan, plan.mediaRootFor(path), out, options,
        ProgressBar.forTerminal(spec.commandLine().getErr(), output));
    var o = spec.commandLine().getOut();
    if (output.json) {
      var root = Json.object();
      root.put("format", format.id()).put("out", out.toString()).put("items", r.items()).put("crops", r.crops());
      o.println(Json.write(root));
    } else {
      o.printf("wrote %d crops of %d items (%s) to %s%n", r.crops(), r.items(), format.id(), out);
    }
    return 0;
  }
}
