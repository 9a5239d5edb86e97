package org.trainset.cli.refine;

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
import org.trainset.refine.deid.HaarCascadeRegions;
import org.trainset.refine.deid.Method;
import org.trainset.refine.video.FrameRegions;
import org.trainset.refine.video.TrackRegions;
import org.trainset.refine.video.VideoDeid;
import org.trainset.refine.video.VideoRegionList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "video", mixinStandardHelpOptions = true,
    description = {"Blur or pixelate regions (licence plates, faces) in every video clip, on copies, keeping the frame",
        "count and frame rate. Regions come from box tracks (--labels), a region list (--regions CSV:",
        "item,start_frame,end_frame,x,y,width,height,label) and OpenCV Haar cascades run on every frame",
        "(--haar face|plate, --cascade PATH). Decodes and encodes with Debian's ffmpeg (H.264, audio copied).",
        "Writes a per-video log (OUT/deid-video.json) and the applied regions (OUT/deid-video-regions.csv),",
        "which --regions reads back."})
public final class DeidVideoVerb implements Verb {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Mixin LimitOptions limits;
  @Parameters(paramLabel = "IN", description = "The dataset whose videos to de-identify (e.g. aihub.cctv).") Path in;
  @Option(names = "--out", required = true, paramLabel = "OUT", description = "Output dataset folder (media copied).") Path out;
  @Option(names = "--from", paramLabel = "ID", description = "Input format id (default: detected).") String from;
  @Option(names = "--to", paramLabel = "ID", description = "Output format id (default: the input's when writable, else trainset).") String to;
  @Option(names = "--labels", split = ",", paramLabel = "LABEL", description = "Labels of box tracks to de-identify, e.g. license_plate.") List<String> labels;
  @Option(names = "--regions", paramLabel = "FILE", description = "Region list CSV (item,start_frame,end_frame,x,y,width,height,label).") Path regions;
  @Option(names = "--haar", split = ",", paramLabel = "KIND", description = "Stock cascades from opencv-data, run per frame: face, plate.") List<String> haar;
  @Option(names = "--cascade", paramLabel = "PATH", description = "A Haar cascade XML run per frame (repeatable).") List<Path> cascades;
  @Option(names = "--method", defaultValue = "blur", description = "blur or pixelate (default ${DEFAULT-VALUE}).") Method method;
  @Mixin HaarTuning haarTuning;
  @Option(names = "--log", paramLabel = "FILE", description = "Per-video log (default: OUT/deid-video.json).") Path log;
  @Option(names = "--regions-out", paramLabel = "FILE", description = "Applied regions (default: OUT/deid-video-regions.csv).") Path regionsOut;

  @Override public Class<?> group() { return DeidGroup.class; }

  @Override public Integer call() throws Exception {
    haarTuning.check();
    List<FrameRegions> detectors = new ArrayList<>();
    if (labels != null && !labels.isEmpty()) detectors.add(new TrackRegions(new LinkedHashSet<>(labels)));
    if (regions != null) detectors.add(new VideoRegionList(regions));
    for (HaarCascadeRegions c : haarTuning.cascades(haar, cascades)) detectors.add(FrameRegions.perFrame(c));
    if (detectors.isEmpty()) throw new UsageException("choose at least one detector: --labels, --regions, --haar or --cascade");
    Format source = DatasetInput.formatOf(in, from);
    Format target = RefineCli.outputFormat(source, to);
    RefineCli.refuseSame(in, out);
    Path logPath = log != null ? log : Reports.inside(out, "deid-video.json");
    Path regionsPath = regionsOut != null ? regionsOut : Reports.inside(out, "deid-video-regions.csv");
    VideoDeid.Outcome r = VideoDeid.run(source, in, target, out, logPath, regionsPath,
        new VideoDeid.Options(detectors, method), limits.readOptions(),
        ProgressBar.forTerminal(spec.commandLine().getErr(), output));
    var o = spec.commandLine().getOut();
    if (output.json) {
      var root = Json.object();
      root.put("input", in.toString()).put("out", out.toString()).put("format", target.id())
          .put("log", logPath.toString()).put("regionsFile", regionsPath.toString());
      root.put("items", r.items()).put("videos", r.videos()).put("changed", r.changed()).put("frames", r.frames())
          .put("framesChanged", r.framesChanged()).put("regions", r.regions());
      o.println(Json.write(root));
    } else {
      o.printf("%d items, %d videos (%d frames): %d regions de-identified in %d frames of %d videos (%s)%n", r.items(),
          r.videos(), r.frames(), r.regions(), r.framesChanged(), r.changed(), method.name().toLowerCase(Locale.ROOT));
      o.printf("wrote %s (%s); log %s; applied regions %s%n", out, target.id(), logPath, regionsPath);
    }
    return 0;
  }
}
