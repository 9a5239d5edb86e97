package org.trainset.cli.refine;

import org.trainset.cli.LimitOptions;
import java.nio.file.Path;
import org.trainset.cli.DatasetInput;
import org.trainset.cli.Json;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.ProgressBar;
import org.trainset.cli.UsageException;
import org.trainset.cli.Verb;
import org.trainset.core.spi.Format;
import org.trainset.refine.derive.Downscale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "downscale", mixinStandardHelpOptions = true,
    description = {"Write a lower-resolution derived copy (faces' resolution conversion, 4K CCTV as FHD): images and",
        "videos whose longer side exceeds --max-side are scaled to it (videos keep their frames and rate),",
        "annotations scaled with them; the rest copied. Videos need Debian's ffmpeg."})
public final class DownscaleVerb implements Verb {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Mixin LimitOptions limits;
  @Parameters(paramLabel = "IN", description = "The dataset to copy.") Path in;
  @Option(names = "--out", required = true, paramLabel = "OUT", description = "Output dataset (media copied).") Path out;
  @Option(names = "--max-side", required = true, paramLabel = "PX", description = "Longer side of the copies, e.g. 1920 for FHD.") int maxSide;
  @Option(names = "--from", paramLabel = "ID", description = "Input format id (default: detected).") String from;
  @Option(names = "--to", paramLabel = "ID", description = "Output format id (default: the input's when writable).") String to;

  @Override public Integer call() throws Exception {
    if (maxSide < 2) throw new UsageException("--max-side must be at least 2");
    Format source = DatasetInput.formatOf(in, from);
    Format target = RefineCli.outputFormat(source, to);
    RefineCli.refuseSame(in, out);
    Downscale.Outcome r = Downscale.run(source, in, target, out, maxSide, limits.readOptions(),
        ProgressBar.forTerminal(spec.commandLine().getErr(), output));
    var o = spec.commandLine().getOut();
    if (output.json) {
      var root = Json.object();
      root.put("input", in.toString()).put("out", out.toString()).put("format", target.id()).put("maxSide", maxSide)
          .put("items", r.items()).put("media", r.media()).put("scaled", r.scaled());
      root.set("dropped", Json.fromMap(r.loss().droppedCounts()));
      o.println(Json.write(root));
    } else {
      o.printf("%d items, %d media: %d scaled to a longer side of at most %d px; wrote %s (%s)%n", r.items(), r.media(),
          r.scaled(), maxSide, out, target.id());
      if (!r.loss().isLossless()) o.println("  " + r.loss().describe());
    }
    return 0;
  }
}
