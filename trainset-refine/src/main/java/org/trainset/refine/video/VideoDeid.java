package org.trainset.refine.video;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencv.core.Mat;
import org.trainset.core.Datasets;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaKind;
import org.trainset.core.model.MediaRef;
import org.trainset.core.progress.Progress;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPlan;
import org.trainset.core.spi.WriteOptions;
import org.trainset.refine.DatasetRewrite;
import org.trainset.refine.MediaFiles;
import org.trainset.refine.deid.Method;
import org.trainset.refine.deid.OpenCv;
import org.trainset.refine.deid.Region;

/**
 * {@code deid video} as a library call: every video of every item is decoded frame by frame
 * (ffmpeg), the regions the detectors give for each frame are blurred or pixelated, and the frames
 * are encoded again (H.264, the source's frame rate as an exact fraction, audio copied), so the
 * frame count and timing stay the source's; the result is checked with ffprobe. Videos without
 * regions are copied byte for byte. The output dataset (written by {@code to} with media copied)
 * points at the copies; originals are only read. Memory is one frame.
 */
public final class VideoDeid {
  private VideoDeid() {}

  public record Options(List<FrameRegions> detectors, Method method) {}

  /** One video: where it came from and went, its frames, and the frames and regions de-identified. */
  public record VideoLog(String item, String source, String output, long frames, long framesChanged, long regions,
                         String rate) {}

  public record Outcome(long items, long videos, long changed, long frames, long framesChanged, long regions,
                        List<VideoLog> log, LossReport loss) {}

  public static Outcome run(Format from, Path input, Format to, Path out, Path logFile, Path regionsFile,
                            Options options, ReadOptions readOptions, Progress progress) throws IOException {
    OpenCv.load();
    Ffmpeg.tool("ffmpeg");
    Ffmpeg.tool("ffprobe");
    ReadPlan plan = Datasets.plan(from, input, readOptions);
    Path root = plan.mediaRootFor(input);
    Path staged = AtomicOutput.scratchBeside(out, "deid-video");
    List<VideoLog> log = new ArrayList<>();
    LossReport loss = LossReport.lenient();
    long items = 0;
    progress.start("de-identify video", -1);
    try (ItemSink sink = DatasetRewrite.writerOf(to).open(out, plan.schema(), new WriteOptions(staged, true), loss);
         Writer regions = regionsFile == null ? Writer.nullWriter() : Files.newBufferedWriter(staged.resolve(".regions.csv"))) {
      regions.write(VideoRegionList.HEADER + "\n");
      try (ItemCursor cursor = Datasets.cursor(plan, readOptions)) {
        for (Item item = cursor.next(); item != null; item = cursor.next()) {
          items++;
          List<MediaRef> media = new ArrayList<>();
          for (MediaRef m : item.media()) {
            if (m.kind() != MediaKind.VIDEO) {
              media.add(m);
              continue;
            }
            Path file = MediaFiles.resolve(root, item, m);
            String rel = Path.of(m.path()).isAbsolute() || m.path().contains("..")
                ? "external/" + item.id().replaceAll("[^A-Za-z0-9._-]", "_") + "/" + file.getFileName() : m.path();
            VideoLog entry = deidentify(item, m, file, staged, rel, options, regions);
            log.add(entry);
            media.add(m.withPath(rel));
            progress.advance(log.size());
          }
          sink.accept(item.withMedia(media));
        }
      }
      sink.commit();
      regions.flush();
      if (regionsFile != null) { // only once the output is published: a failed run writes nothing
        AtomicOutput.writeFile(regionsFile, os -> Files.copy(staged.resolve(".regions.csv"), os));
      }
    } finally {
      progress.finish();
      AtomicOutput.deleteRecursively(staged);
    }
    long changed = log.stream().filter(v -> v.framesChanged() > 0).count();
    Outcome outcome = new Outcome(items, log.size(), changed, log.stream().mapToLong(VideoLog::frames).sum(),
        log.stream().mapToLong(VideoLog::framesChanged).sum(), log.stream().mapToLong(VideoLog::regions).sum(),
        List.copyOf(log), loss);
    if (logFile != null) writeLog(logFile, input, out, options, outcome);
    return outcome;
  }

  private static VideoLog deidentify(Item item, MediaRef m, Path file, Path staged, String rel, Options o,
                                     Writer regionsOut) throws IOException {
    VideoProbe probe = VideoProbe.of(file);
    Path dst = staged.resolve(rel);
    Files.createDirectories(dst.getParent());
    Path encoded = dst.resolveSibling("." + dst.getFileName() + ".encoding.mp4");
    long frames = 0, framesChanged = 0, regionCount = 0;
    Map<String, long[]> open = new LinkedHashMap<>(); // region → [first, last frame] of its current run
    List<String> closed = new ArrayList<>();
    try (FrameStream.Decoder dec = new FrameStream.Decoder(file, probe);
         FrameStream.Encoder enc = new FrameStream.Encoder(file, probe, encoded)) {
      for (Mat frame = dec.next(); frame != null; frame = dec.next()) {
        try {
          List<Region> found = new ArrayList<>();
          for (FrameRegions d : o.detectors()) {
            for (Region r : d.detect(item, m, frames, frame)) {
              Region c = r.clip(frame.cols(), frame.rows());
              if (c != null) found.add(c);
            }
          }
          for (Region r : found) {
            o.method().apply(frame, r);
            String key = r.x() + "," + r.y() + "," + r.width() + "," + r.height() + "," + r.label();
            long[] span = open.get(key);
            if (span != null && span[1] == frames - 1) {
              span[1] = frames;
            } else {
              if (span != null) closed.add(item.id() + "," + span[0] + "," + span[1] + "," + key);
              open.put(key, new long[] {frames, frames});
            }
          }
          if (!found.isEmpty()) framesChanged++;
          regionCount += found.size();
          enc.write(frame);
          frames++;
        } finally {
          frame.release();
        }
      }
      dec.finish();
      enc.finish();
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(encoded);
      throw e;
    }
    if (framesChanged == 0) {
      Files.delete(encoded);
      Files.copy(file, dst);
    } else {
      VideoProbe written = VideoProbe.of(encoded);
      if (written.frames() >= 0 && written.frames() != frames) {
        throw new IOException("ffmpeg wrote " + written.frames() + " frames for " + frames + " of " + file);
      }
      Files.move(encoded, dst);
    }
    for (String row : closed) regionsOut.write(row + "\n");
    for (Map.Entry<String, long[]> e : open.entrySet()) {
      regionsOut.write(item.id() + "," + e.getValue()[0] + "," + e.getValue()[1] + "," + e.getKey() + "\n");
    }
    return new VideoLog(item.id(), file.toString(), rel, frames, framesChanged, regionCount, probe.rate());
  }

  private static void writeLog(Path logFile, Path input, Path out, Options o, Outcome r) throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("input", input.toString());
    root.put("output", out.toString());
    root.put("method", o.method().name().toLowerCase(java.util.Locale.ROOT));
    root.put("detectors", o.detectors().stream().map(FrameRegions::name).toList());
    List<Object> videos = new ArrayList<>();
    for (VideoLog v : r.log()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("item", v.item());
      e.put("source", v.source());
      e.put("output", v.output());
      e.put("frames", v.frames());
      e.put("framesChanged", v.framesChanged());
      e.put("regions", v.regions());
      e.put("frameRate", v.rate());
      videos.add(e);
    }
    root.put("videos", videos);
    AtomicOutput.writeFile(logFile, os -> {
      com.fasterxml.jackson.core.JsonGenerator g = new com.fasterxml.jackson.core.JsonFactory().createGenerator(os);
      g.useDefaultPrettyPrinter();
      org.trainset.core.json.JsonValues.write(g, root);
      g.flush();
    });
  }
}
