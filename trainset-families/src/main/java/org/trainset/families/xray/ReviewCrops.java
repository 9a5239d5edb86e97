package org.trainset.families.xray;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.trainset.core.Datasets;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Box;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.Polygon;
import org.trainset.core.progress.Progress;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPlan;

/**
 * Review thumbnails: a PNG crop of every object of a dataset, {@code OUT/<label>/<item>_<n>.png}
 * (item id with '/' as '_'), so reviewers can page through one category at a time as the X-ray
 * builders did. An object is a box, or a polygon whose group has no box (its bounds are cropped).
 * Written atomically; streams the dataset (one decoded image at a time).
 */
public final class ReviewCrops {
  private ReviewCrops() {}

  /** What was written. */
  public record Result(long items, long crops) {}

  public static Result write(ReadPlan plan, Path mediaRoot, Path outDir, ReadOptions options, Progress progress)
      throws IOException {
    long items = 0;
    long crops = 0;
    progress.start("crops", -1);
    try (AtomicOutput out = AtomicOutput.directory(outDir); ItemCursor cursor = Datasets.cursor(plan, options)) {
      for (Item it = cursor.next(); it != null; it = cursor.next()) {
        items++;
        List<double[]> regions = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        objects(it, regions, labels);
        MediaRef m = it.primaryMedia();
        if (regions.isEmpty() || m == null) continue;
        Path file = mediaRoot.resolve(m.path());
        BufferedImage img = Files.isRegularFile(file) ? ImageIO.read(file.toFile()) : null;
        if (img == null) throw InputException.atItem(file, it.id(), "crops-image", "image missing or unreadable");
        for (int k = 0; k < regions.size(); k++) {
          double[] r = regions.get(k);
          int x0 = clamp((int) Math.floor(r[0]), img.getWidth());
          int y0 = clamp((int) Math.floor(r[1]), img.getHeight());
          int x1 = clamp((int) Math.ceil(r[2]), img.getWidth());
          int y1 = clamp((int) Math.ceil(r[3]), img.getHeight());
          if (x1 <= x0 || y1 <= y0) continue;
          String label = labels.get(k).isEmpty() ? "_unlabelled" : labels.get(k).replaceAll("[/\\\\:*?\"<>|]", "_");
          Path dst = out.resolve(label + "/" + it.id().replace('/', '_') + "_" + (k + 1) + ".png");
          Files.createDirectories(dst.getParent());
          if (!ImageIO.write(img.getSubimage(x0, y0, x1 - x0, y1 - y0), "png", dst.toFile())) {
            throw new IOException("no PNG writer available");
          }
          crops++;
        }
        progress.advance(items);
      }
      out.commit();
    } finally {
      progress.finish();
    }
    return new Result(items, crops);
  }

  private static void objects(Item it, List<double[]> regions, List<String> labels) {
    Set<Integer> boxedGroups = new HashSet<>();
    for (Annotation a : it.annotations()) {
      if (a instanceof Box b) {
        regions.add(new double[] {b.x(), b.y(), b.x2(), b.y2()});
        labels.add(b.label());
        if (b.meta().group() != null) boxedGroups.add(b.meta().group());
      }
    }
    for (Annotation a : it.annotations()) {
      if (a instanceof Polygon p && (p.meta().group() == null || !boxedGroups.contains(p.meta().group()))) {
        regions.add(XrayJoin.bounds(p));
        labels.add(p.label());
      }
    }
  }

  private static int clamp(int v, int max) {
    return Math.max(0, Math.min(max, v));
  }
}
