package org.trainset.refine.derive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.trainset.core.Datasets;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Box;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaKind;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.Points;
import org.trainset.core.model.Polygon;
import org.trainset.core.model.Polyline;
import org.trainset.core.progress.Progress;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPlan;
import org.trainset.core.spi.WriteOptions;
import org.trainset.refine.DatasetRewrite;
import org.trainset.refine.MediaFiles;
import org.trainset.refine.deid.OpenCv;
import org.trainset.refine.video.VideoScale;

/**
 * Lower-resolution derived copies (the seed's "해상도 변환" for faces, and 4K CCTV published as
 * FHD): every image (OpenCV, area interpolation) and video (ffmpeg, same frames and rate) whose
 * longer side exceeds {@code maxSide} is scaled to it, keeping the aspect ratio (even sizes for
 * video); annotations are scaled with it (boxes, polygons, polylines, points; masks cannot be and
 * are declared dropped); the item gets {@code derived_scale}. Media already small enough are
 * copied as they are. The output (written by {@code to}, media copied) is a new dataset.
 */
public final class Downscale {
  private Downscale() {}

  public record Outcome(long items, long media, long scaled, LossReport loss) {}

  public static Outcome run(Format from, Path input, Format to, Path out, int maxSide, ReadOptions readOptions,
                            Progress progress) throws IOException {
    if (maxSide < 2) throw new IllegalArgumentException("the longer side must be at least 2 px");
    ReadPlan plan = Datasets.plan(from, input, readOptions);
    Path root = plan.mediaRootFor(input);
    Path staged = AtomicOutput.scratchBeside(out, "downscale");
    LossReport loss = LossReport.lenient();
    long items = 0, media = 0, scaled = 0;
    progress.start("downscale", -1);
    try (ItemSink sink = DatasetRewrite.writerOf(to).open(out, plan.schema(), new WriteOptions(staged, true), loss);
         ItemCursor cursor = Datasets.cursor(plan, readOptions)) {
      for (Item item = cursor.next(); item != null; item = cursor.next()) {
        items++;
        double itemScale = 1;
        List<MediaRef> refs = new ArrayList<>();
        for (int k = 0; k < item.media().size(); k++) {
          MediaRef m = item.media().get(k);
          if (m.kind() != MediaKind.IMAGE && m.kind() != MediaKind.VIDEO) {
            refs.add(m);
            continue;
          }
          media++;
          Path file = MediaFiles.resolve(root, item, m);
          String rel = Path.of(m.path()).isAbsolute() || m.path().contains("..")
              ? "external/" + item.id().replaceAll("[^A-Za-z0-9._-]", "_") + "/" + file.getFileName() : m.path();
          Path dst = staged.resolve(rel);
          Files.createDirectories(dst.getParent());
          int[] size = m.kind() == MediaKind.IMAGE ? image(file, dst, maxSide) : VideoScale.scale(file, dst, maxSide);
          if (size == null) {
            if (!Files.exists(dst)) Files.copy(file, dst);
            refs.add(m.withPath(rel));
            continue;
          }
          scaled++;
          double s = size[2] / 1e6;
          if (k == 0) itemScale = s;
          refs.add(new MediaRef(m.kind(), rel, size[0], size[1], m.info()));
        }
        Item copy = item.withMedia(refs);
        if (itemScale != 1) {
          List<Annotation> anns = new ArrayList<>();
          for (Annotation a : item.annotations()) {
            Annotation s = scale(a, itemScale);
            if (s == null) loss.dropped(a.type(), null, "not rescaled to the smaller copy");
            else anns.add(s);
          }
          Map<String, Object> attrs = new LinkedHashMap<>(item.attributes());
          attrs.put("derived_scale", Math.round(itemScale * 1e6) / 1e6);
          copy = copy.withAnnotations(anns).withAttributes(attrs);
        }
        sink.accept(copy);
        progress.advance(items);
      }
      sink.commit();
    } finally {
      progress.finish();
      AtomicOutput.deleteRecursively(staged);
    }
    return new Outcome(items, media, scaled, loss);
  }

  /** Writes the smaller image; returns {width, height, scale × 1e6}, or null when it is small enough. */
  private static int[] image(Path file, Path dst, int maxSide) throws IOException {
    OpenCv.load();
    Mat img = Imgcodecs.imread(file.toAbsolutePath().toString(), Imgcodecs.IMREAD_UNCHANGED);
    try {
      if (img.empty()) throw org.trainset.core.io.InputException.atItem(file, null, "image-decode", "OpenCV cannot decode this image");
      int longer = Math.max(img.cols(), img.rows());
      if (longer <= maxSide) return null;
      double s = maxSide / (double) longer;
      int w = Math.max(1, (int) Math.round(img.cols() * s));
      int h = Math.max(1, (int) Math.round(img.rows() * s));
      Mat small = new Mat();
      Imgproc.resize(img, small, new Size(w, h), 0, 0, Imgproc.INTER_AREA);
      boolean ok = Imgcodecs.imwrite(dst.toString(), small, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 95));
      small.release();
      if (!ok) throw new IOException("OpenCV could not write " + dst);
      return new int[] {w, h, (int) Math.round(w / (double) img.cols() * 1e6)};
    } finally {
      img.release();
    }
  }

  /** The annotation in the copy's pixels, or null when it cannot be scaled (masks, tracks). */
  static Annotation scale(Annotation a, double s) {
    if (a instanceof Box b) return new Box(b.meta(), b.x() * s, b.y() * s, b.width() * s, b.height() * s, b.rotation());
    if (a instanceof Polygon p) return new Polygon(p.meta(), times(p.points(), s));
    if (a instanceof Polyline p) return new Polyline(p.meta(), times(p.points(), s));
    if (a instanceof Points p) return new Points(p.meta(), times(p.points(), s), p.visibility());
    return switch (a.type()) {
      case MASK, TRACK -> null;
      default -> a; // tags, captions, time events, text: no pixels
    };
  }

  private static double[] times(double[] v, double s) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) out[i] = v[i] * s;
    return out;
  }
}
