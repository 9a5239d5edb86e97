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
import org.trainset.refine.Reports;
import org.trainset.refine.images.ImageDedup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "images", mixinStandardHelpOptions = true,
    description = {"Drop exact and near-duplicate images.",
        "Exact: same SHA-256 (its first 128 bits); near: pHash within --distance bits, found by multi-index hashing,",
        "confirmed by dHash. Each cluster keeps its lowest id. Writes the kept items to",
        "--out (media stay in place), a JSON report (OUT/dedup.json) and an HTML page showing every cluster",
        "side by side (OUT/dedup.html).",
        "With --report-only it writes only the reports (--report, and --html if given), to look at",
        "before anything is dropped."})
public class DedupImagesVerb implements Verb {
  @Spec protected CommandSpec spec;
  @Mixin protected OutputOptions output;
  @Mixin protected LimitOptions limits;
  @Parameters(paramLabel = "IN", description = "The dataset to deduplicate.") Path in;
  @Option(names = "--out", paramLabel = "OUT", description = "Output dataset (required unless --report-only).") Path out;
  @Option(names = "--report-only", description = "Write only the reports (--report FILE; --html FILE if given): no output dataset, nothing dropped.") boolean reportOnly;
  @Option(names = "--from", paramLabel = "ID", description = "Input format id (default: detected).") String from;
  @Option(names = "--to", paramLabel = "ID", description = "Output format id (default: the input's).") String to;
  @Option(names = "--distance", defaultValue = "10", description = "Largest pHash Hamming distance of near duplicates (default ${DEFAULT-VALUE}).") int distance;
  @Option(names = "--dhash-distance", defaultValue = "12", description = "Largest dHash distance confirming a pair (default ${DEFAULT-VALUE}).") int dhashDistance;
  @Option(names = "--per-label", description = "Only compare images that share an annotation label (the seed: per object class).") boolean perLabel;
  @Option(names = "--report", paramLabel = "FILE", description = "JSON report (default: OUT/dedup.json; beside a single-file OUT).") Path report;
  @Option(names = "--html", paramLabel = "FILE", description = "HTML report (default: OUT/dedup.html; beside a single-file OUT).") Path html;

  @Override public Class<?> group() { return DedupGroup.class; }

  /** Where the images are hashed; {@code trainset spark dedup images} hashes them in Spark tasks. */
  protected ImageDedup.Hasher hasher() throws Exception {
    return ImageDedup.IN_PROCESS;
  }

  @Override public Integer call() throws Exception {
    ImageDedup.Options options = RefineCli.settings(() -> new ImageDedup.Options(distance, dhashDistance, perLabel));
    Format source = DatasetInput.formatOf(in, from);
    Format target = RefineCli.outputFormat(source, to);
    Path reportPath;
    Path htmlPath;
    if (reportOnly) {
      if (out != null) throw new UsageException("--report-only writes no dataset: give --report FILE instead of --out");
      if (report == null) throw new UsageException("--report-only needs --report FILE");
      reportPath = report;
      htmlPath = html;
    } else {
      if (out == null) throw new UsageException("--out OUT is required (or --report-only with --report FILE)");
      RefineCli.refuseSame(in, out);
      reportPath = report != null ? report : Reports.inside(out, "dedup.json");
      htmlPath = html != null ? html : Reports.inside(out, "dedup.html");
    }
    ImageDedup.Outcome r = ImageDedup.run(source, in, target, out, reportPath, htmlPath, options, limits.readOptions(),
        ProgressBar.forTerminal(spec.commandLine().getErr(), output), hasher());
    var o = spec.commandLine().getOut();
    if (output.json) {
      var root = Json.object();
      root.put("input", in.toString()).put("out", out == null ? null : out.toString()).put("to", out == null ? null : target.id());
      root.put("report", reportPath.toString()).put("html", htmlPath == null ? null : htmlPath.toString());
      root.put("items", r.items()).put("images", r.images()).put("clusters", r.clusters().size());
      root.put("removed", r.removed()).put("kept", r.items() - r.removed());
      o.println(Json.write(root));
    } else {
      o.printf("%d items, %d images: %d clusters, removed %d, kept %d%n", r.items(), r.images(), r.clusters().size(),
          r.removed(), r.items() - r.removed());
      if (out == null) o.printf("report %s%s (nothing dropped: --report-only)%n", reportPath, htmlPath == null ? "" : ", page " + htmlPath);
      else o.printf("wrote %s (%s), report %s, page %s%n", out, target.id(), reportPath, htmlPath);
    }
    return 0;
  }
}
