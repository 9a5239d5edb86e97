package org.trainset.refine.deid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;
import org.trainset.core.Datasets;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.io.InputException;
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

/**
 * {@code deid images} as a library call. Every image of every item goes through the detectors;
 * found regions (minus those a region list vetoes) are blurred or pixelated on a copy, and the
 * output dataset (written with media copied, so it is self-contained) points at the copies.
 * Originals are only read. Changed images are written as PNG by default, so every pixel outside
 * the regions stays exactly as decoded; images without regions are copied byte for byte.
 */
public final class ImageDeid {
  private ImageDeid() {}

  /**
   * @param detectors   combined detectors
   * @param corrections the region list whose {@code remove} entries veto detections, or null
   * @param keepFormat  write changed images in their original format (JPEG re-encoding then also
   *                    alters pixels outside the regions, by compression only)
   */
  public record Options(List<RegionDetector> detectors, RegionListRegions corrections, Method method, boolean keepFormat) {}

  public record Outcome(long items, long images, long changed, long regions, List<ImageLog> log, LossReport loss) {}

  public static Outcome run(Format from, Path input, Format to, Path out, Path logFile, Path reviewFile,
                            Path regionsFile, Options options, ReadOptions readOptions, Progress progress) throws IOException {
    OpenCv.load();
    ReadPlan plan = Datasets.plan(from, input, readOptions);
    Path root = plan.mediaRootFor(input);
    Path staged = AtomicOutput.scratchBeside(out, "deid-media");
    List<ImageLog> log = new ArrayList<>();
    LossReport loss = LossReport.lenient();
    long items = 0, images = 0, changed = 0, regions = 0;
    java.util.Set<String> used = new java.util.HashSet<>();
    progress.start("de-identify", -1);
    try (ItemSink sink = DatasetRewrite.writerOf(to).open(out, plan.schema(), new WriteOptions(staged, true), loss);
         ItemCursor cursor = Datasets.cursor(plan, readOptions)) {
      for (Item item = cursor.next(); item != null; item = cursor.next()) {
        items++;
        List<MediaRef> media = new ArrayList<>();
        for (int k = 0; k < item.media().size(); k++) {
          MediaRef m = item.media().get(k);
          if (m.kind() != MediaKind.IMAGE) {
            media.add(m);
            continue;
          }
          ImageLog entry = deidentify(item, k, m, MediaFiles.resolve(root, item, m), staged, options, used);
          images++;
          if (entry.changed()) changed++;
          regions += entry.regions().size();
          log.add(entry);
          media.add(m.withPath(entry.output()));
        }
        sink.accept(item.withMedia(media));
        progress.advance(items);
      }
      sink.commit();
    } finally {
      progress.finish();
      AtomicOutput.deleteRecursively(staged);
    }
    // The writer copied media under media/; the log names the paths as they are in the output.
    List<ImageLog> published = log.stream().map(e -> new ImageLog(e.item(), e.source(), "media/" + e.output(),
        e.changed(), e.regions(), e.vetoed())).toList();
    Outcome outcome = new Outcome(items, images, changed, regions, published, loss);
    DeidReports.writeLog(logFile, input, out, options, outcome);
    DeidReports.writeRegions(regionsFile, outcome);
    if (reviewFile != null) DeidReports.writeReview(reviewFile, out, regionsFile, options, outcome);
    return outcome;
  }

  private static ImageLog deidentify(Item item, int index, MediaRef m, Path file, Path staged, Options o,
                                     java.util.Set<String> used) throws IOException {
    Mat image = Imgcodecs.imread(file.toAbsolutePath().toString(), Imgcodecs.IMREAD_COLOR);
    try {
      if (image.empty()) throw InputException.atItem(file, item.id(), "image-decode", "OpenCV cannot decode this image");
      List<Region> found = new ArrayList<>();
      for (RegionDetector d : o.detectors()) found.addAll(d.detect(item, m.path(), file, image));
      List<Region> kept = new ArrayList<>(), vetoed = new ArrayList<>();
      List<Region> vetoes = o.corrections() == null ? List.of() : o.corrections().vetoes(item.id());
      for (Region r : found) {
        Region c = r.clip(image.cols(), image.rows());
        if (c == null) continue;
        boolean veto = vetoes.stream().anyMatch(v -> v.iou(c) >= RegionListRegions.VETO_IOU);
        (veto ? vetoed : kept).add(c);
      }
      String rel = outputPath(item, index, m, file);
      if (!o.keepFormat() && !kept.isEmpty()) rel = withExtension(rel, "png");
      if (!used.add(rel)) { // the same file used twice (or a.jpg and a.png both becoming a.png)
        rel = "dup/" + item.id().replaceAll("[^A-Za-z0-9._-]", "_") + "/" + index + "/" + rel;
        used.add(rel);
      }
      if (kept.isEmpty()) {
        Path dst = staged.resolve(rel);
        Files.createDirectories(dst.getParent());
        Files.copy(file, dst);
        return new ImageLog(item.id(), file.toString(), rel, false, List.of(), vetoed);
      }
      for (Region r : kept) o.method().apply(image, r);
      Path dst = staged.resolve(rel);
      Files.createDirectories(dst.getParent());
      boolean ok = Imgcodecs.imwrite(dst.toString(), image, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 95));
      if (!ok) throw new IOException("OpenCV could not write " + dst);
      return new ImageLog(item.id(), file.toString(), rel, true, kept, vetoed);
    } finally {
      image.release();
    }
  }

  /** The dataset's own relative path when it has one; absolute paths go under {@code external/<item>/}. */
  private static String outputPath(Item item, int index, MediaRef m, Path file) {
    if (!Path.of(m.path()).isAbsolute() && !m.path().contains("..")) return m.path();
    String safeId = item.id().replaceAll("[^A-Za-z0-9._-]", "_");
    return "external/" + safeId + "/" + index + "_" + file.getFileName();
  }

  private static String withExtension(String path, String ext) {
    int slash = path.lastIndexOf('/'), dot = path.lastIndexOf('.');
    String base = dot > slash ? path.substring(0, dot) : path;
    return base + "." + ext.toLowerCase(Locale.ROOT);
  }
}
