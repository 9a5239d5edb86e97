package org.trainset.cli.refine;

import org.trainset.cli.LimitOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trainset.cli.DatasetInput;
import org.trainset.cli.Json;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.ProgressBar;
import org.trainset.cli.UsageException;
import org.trainset.cli.Verb;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.spi.Format;
import org.trainset.refine.Reports;
import org.trainset.refine.quality.QualityFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "quality", mixinStandardHelpOptions = true,
    description = {"Drop images the seed's refinement rejects: blurred or shaken (variance of the Laplacian),",
        "badly exposed, noisy (X-ray generator noise), or tilted 30° or more where the item has a tilt/roll",
        "attribute (sidewalk). Only the checks asked for run. Each dropped item is reported with its",
        "reasons and measures (OUT/quality.json)."})
public final class QualityVerb implements Verb {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Mixin LimitOptions limits;
  @Parameters(paramLabel = "IN", description = "The dataset to filter.") Path in;
  @Option(names = "--out", required = true, paramLabel = "OUT", description = "Output dataset (media referenced).") Path out;
  @Option(names = "--from", paramLabel = "ID", description = "Input format id (default: detected).") String from;
  @Option(names = "--to", paramLabel = "ID", description = "Output format id (default: the input's when writable).") String to;
  @Option(names = "--min-sharpness", paramLabel = "V", description = "Drop images whose Laplacian variance is below V (e.g. 100).") Double minSharpness;
  @Option(names = "--brightness", paramLabel = "LO:HI", description = "Keep images whose mean grey level is within LO..HI (0-255).") String brightness;
  @Option(names = "--max-clipped", paramLabel = "F", description = "Drop images with more than F (0-1) of pixels black (≤5) or white (≥250).") Double maxClipped;
  @Option(names = "--max-noise", paramLabel = "S", description = "Drop images whose noise estimate sigma exceeds S (grey levels).") Double maxNoise;
  @Option(names = "--max-tilt", paramLabel = "DEG", description = "Drop items whose tilt or roll attribute is DEG degrees or more (seed: 30).") Double maxTilt;
  @Option(names = "--annotate", description = "Add quality_sharpness/brightness/noise to the kept items.") boolean annotate;
  @Option(names = "--report", paramLabel = "FILE", description = "JSON report (default: OUT/quality.json).") Path report;

  @Override public Integer call() throws Exception {
    Double lo = null, hi = null;
    if (brightness != null) {
      String[] p = brightness.split(":");
      if (p.length != 2) throw new UsageException("--brightness wants LO:HI, got '" + brightness + "'");
      try {
        lo = Double.parseDouble(p[0]);
        hi = Double.parseDouble(p[1]);
      } catch (NumberFormatException e) {
        throw new UsageException("--brightness wants numbers, got '" + brightness + "'");
      }
    }
    if (minSharpness == null && lo == null && maxClipped == null && maxNoise == null && maxTilt == null) {
      throw new UsageException("choose at least one check: --min-sharpness, --brightness, --max-clipped, --max-noise, --max-tilt");
    }
    Format source = DatasetInput.formatOf(in, from);
    Format target = RefineCli.outputFormat(source, to);
    RefineCli.refuseSame(in, out);
    QualityFilter.Outcome r = QualityFilter.run(source, in, target, out,
        new QualityFilter.Thresholds(minSharpness, lo, hi, maxClipped, maxNoise, maxTilt, annotate),
        limits.readOptions(), ProgressBar.forTerminal(spec.commandLine().getErr(), output));
    Path reportPath = report != null ? report : Reports.inside(out, "quality.json");
    var root = Json.object();
    root.put("input", in.toString()).put("out", out.toString()).put("report", reportPath.toString())
        .put("items", r.items()).put("kept", r.kept()).put("dropped", r.dropped().size());
    var list = root.putArray("droppedItems");
    for (QualityFilter.Dropped d : r.dropped()) {
      var e = list.addObject().put("item", d.item()).put("media", d.media());
      var reasons = e.putArray("reasons");
      d.reasons().forEach(reasons::add);
      if (d.quality() != null) {
        e.putObject("quality").put("sharpness", d.quality().sharpness()).put("brightness", d.quality().brightness())
            .put("dark", d.quality().dark()).put("bright", d.quality().bright()).put("noise", d.quality().noise());
      }
    }
    String text = Json.write(root);
    AtomicOutput.writeFile(reportPath, os -> os.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    var o = spec.commandLine().getOut();
    if (output.json) {
      o.println(text);
    } else {
      o.printf("%d items: kept %d, dropped %d; report %s%n", r.items(), r.kept(), r.dropped().size(), reportPath);
      for (QualityFilter.Dropped d : r.dropped()) o.printf("  %s: %s%n", d.item(), String.join("; ", d.reasons()));
    }
    return 0;
  }
}
