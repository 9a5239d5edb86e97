package org.trainset.cli.refine;

import org.trainset.formats.trainset.TrainsetFormat;
import org.trainset.cli.LimitOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.trainset.cli.DatasetInput;
import org.trainset.cli.Json;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.ProgressBar;
import org.trainset.cli.UsageException;
import org.trainset.cli.Verb;
import org.trainset.cli.groups.DeidGroup;
import org.trainset.core.spi.Format;
import org.trainset.refine.Reports;
import org.trainset.refine.deid.AnnotationRegions;
import org.trainset.refine.deid.ImageDeid;
import org.trainset.refine.deid.Method;
import org.trainset.refine.deid.RegionDetector;
import org.trainset.refine.deid.RegionListRegions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "images", mixinStandardHelpOptions = true,
    description = {"Blur or pixelate faces and licence plates in every image, on copies.",
        "The output is a self-contained native dataset; originals are never changed. Regions come from annotations",
        "(--labels), OpenCV Haar cascades (--haar face|plate from Debian's opencv-data, or --cascade PATH)",
        "and a region list people corrected after review (--regions). Writes a per-image log (OUT/deid.json),",
        "a review sheet with before/after thumbnails (OUT/deid.html) and the applied regions as an editable",
        "region list (OUT/deid-regions.json) to feed back with --regions."})
public final class DeidImagesVerb implements Verb {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Mixin LimitOptions limits;
  @Parameters(paramLabel = "IN", description = "The dataset whose images to de-identify.") Path in;
  @Option(names = "--out", required = true, paramLabel = "OUT", description = "Output dataset folder (native format, media copied).") Path out;
  @Option(names = "--from", paramLabel = "ID", description = "Input format id (default: detected).") String from;
  @Option(names = "--labels", split = ",", paramLabel = "LABEL", description = "Annotation labels to de-identify, e.g. face,license_plate.") List<String> labels;
  @Option(names = "--haar", split = ",", paramLabel = "KIND", description = "Stock cascades from opencv-data: face, plate.") List<String> haar;
  @Option(names = "--cascade", paramLabel = "PATH", description = "A Haar cascade XML (repeatable); label 'license_plate' if its name has 'plate', else 'face'.") List<Path> cascades;
  @Option(names = "--regions", paramLabel = "FILE", description = "Region list (JSON or CSV) corrected by people; 'remove' entries veto detections.") Path regions;
  @Option(names = "--method", defaultValue = "blur", description = "blur or pixelate (default ${DEFAULT-VALUE}).") Method method;
  @Option(names = "--keep-format", description = "Write changed images in their original format instead of PNG (JPEG re-encoding alters other pixels slightly).") boolean keepFormat;
  @Mixin HaarTuning haarTuning;
  @Option(names = "--log", paramLabel = "FILE", description = "Per-image log (default: OUT/deid.json; beside a single-file OUT).") Path log;
  @Option(names = "--review", paramLabel = "FILE", description = "Review sheet (default: OUT/deid.html; beside a single-file OUT).") Path review;
  @Option(names = "--regions-out", paramLabel = "FILE", description = "Applied regions, editable (default: OUT/deid-regions.json).") Path regionsOut;

  @Override public Class<?> group() { return DeidGroup.class; }

  @Override public Integer call() throws Exception {
    haarTuning.check();
    List<RegionDetector> detectors = new ArrayList<>();
    if (labels != null && !labels.isEmpty()) detectors.add(new AnnotationRegions(new LinkedHashSet<>(labels)));
    detectors.addAll(haarTuning.cascades(haar, cascades));
    RegionListRegions corrections = regions == null ? null : new RegionListRegions(regions);
    if (corrections != null) detectors.add(corrections);
    if (detectors.isEmpty()) throw new UsageException("choose at least one detector: --labels, --haar, --cascade or --regions");
    Format source = DatasetInput.formatOf(in, from);
    Format target = DatasetInput.registry().require(TrainsetFormat.ID);
    RefineCli.refuseSame(in, out);
    Path logPath = log != null ? log : Reports.inside(out, "deid.json");
    Path reviewPath = review != null ? review : Reports.inside(out, "deid.html");
    Path regionsPath = regionsOut != null ? regionsOut : Reports.inside(out, "deid-regions.json");
    ImageDeid.Outcome r = ImageDeid.run(source, in, target, out, logPath, reviewPath, regionsPath,
        new ImageDeid.Options(detectors, corrections, method, keepFormat), limits.readOptions(),
        ProgressBar.forTerminal(spec.commandLine().getErr(), output));
    var o = spec.commandLine().getOut();
    if (output.json) {
      var root = Json.object();
      root.put("input", in.toString()).put("out", out.toString()).put("log", logPath.toString())
          .put("review", reviewPath.toString()).put("regionsFile", regionsPath.toString());
      root.put("items", r.items()).put("images", r.images()).put("changed", r.changed()).put("regions", r.regions());
      o.println(Json.write(root));
    } else {
      o.printf("%d items, %d images: %d regions de-identified in %d images (%s)%n", r.items(), r.images(), r.regions(),
          r.changed(), method.name().toLowerCase(Locale.ROOT));
      o.printf("wrote %s; log %s; review sheet %s; editable regions %s%n", out, logPath, reviewPath, regionsPath);
    }
    return 0;
  }
}
