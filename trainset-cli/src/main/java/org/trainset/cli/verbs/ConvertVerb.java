package org.trainset.cli.verbs;

import java.nio.file.Path;
import org.trainset.cli.DatasetInput;
import org.trainset.cli.Json;
import org.trainset.cli.LimitOptions;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.ProgressBar;
import org.trainset.cli.Verb;
import org.trainset.core.convert.Conversion;
import org.trainset.core.spi.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "convert", mixinStandardHelpOptions = true,
    description = {"Convert a dataset to another format and report what the target cannot hold.",
        "The counts are what the output holds, read back with the target's reader; when they are",
        "smaller than what was read, the loss report says why.",
        "The output folder appears only when the whole conversion succeeded; an existing one is",
        "replaced only then. With --strict any loss fails the run (exit 1) and nothing is written."})
public final class ConvertVerb implements Verb {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Mixin LimitOptions limits;
  @Parameters(paramLabel = "PATH", description = "The dataset to convert.") Path path;
  @Option(names = "--to", required = true, paramLabel = "ID", description = "Target format id.") String to;
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.") Path out;
  @Option(names = "--from", paramLabel = "ID", description = "Source format id (default: detected).") String from;
  @Option(names = "--copy-media", description = {"Copy the media files into the output's own layout",
      "(YOLO always copies: its labels need the image headers)."}) boolean copyMedia;
  @Option(names = "--tracks-as-frames", description = {"Write video tracks as annotations of per-frame image items",
      "(images/frame_NNNNNN.*, each shape with a track_id attribute where the target keeps attributes)."})
  boolean tracksAsFrames;
  @Option(names = "--strict", description = "Fail instead of dropping or changing anything.") boolean strict;

  @Override public Integer call() throws Exception {
    Format target = DatasetInput.registry().require(to);
    if (target.writer().isEmpty()) throw new org.trainset.cli.UsageException("format '" + to + "' cannot be written");
    Format source = DatasetInput.formatOf(path, from);
    Conversion.Result r = Conversion.run(source, path, target, out, limits.readOptions(),
        new Conversion.Options(strict, copyMedia, tracksAsFrames),
        ProgressBar.forTerminal(spec.commandLine().getErr(), output));
    render(spec.commandLine().getOut(), r, output.json, source.id(), target.id(), out.toString());
    return 0;
  }

  /** Prints the result as this verb does (also {@code trainset spark convert}). */
  public static void render(java.io.PrintWriter o, Conversion.Result r, boolean json, String from, String to, String out) {
    if (json) {
      var root = Json.object();
      root.put("from", from).put("to", to).put("out", out);
      root.setAll(r.toJson());
      o.println(Json.write(root));
    } else {
      o.printf("converted %d items, %d annotations: %s -> %s in %s%n", r.items(), r.annotations(),
          from, to, out);
      if (r.items() != r.itemsRead() || r.annotations() != r.annotationsRead()) {
        o.printf("read %d items, %d annotations; the loss report says what the output could not hold%n",
            r.itemsRead(), r.annotationsRead());
      }
      o.println("loss report:");
      r.loss().describe().lines().forEach(l -> o.println("  " + l));
    }
  }
}
