package org.trainset.refine.quality;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trainset.core.Datasets;
import org.trainset.core.convert.LossReport;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;
import org.trainset.core.progress.Progress;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPlan;
import org.trainset.refine.DatasetRewrite;
import org.trainset.refine.MediaFiles;

/**
 * The seed's image-quality refinement as one filter: an item is dropped when its first image is
 * blurred or shaken (sharpness under {@code minSharpness}), badly exposed (mean grey outside
 * {@code minBrightness}–{@code maxBrightness}, or more than {@code maxClipped} of its pixels at
 * black or white), noisy (noise σ over {@code maxNoise}: X-ray generator noise), or tilted by
 * {@code maxTilt}° or more where its capture metadata has a tilt (item attribute {@code tilt} or
 * {@code roll}, degrees; the sidewalk seed keeps shots tilted under 30°). A null threshold is
 * not checked. Kept items get their measures as attributes {@code quality_*} when asked.
 */
public final class QualityFilter {
  private QualityFilter() {}

  public record Thresholds(Double minSharpness, Double minBrightness, Double maxBrightness, Double maxClipped,
                           Double maxNoise, Double maxTilt, boolean annotate) {}

  /** One dropped item: why, and the measures. */
  public record Dropped(String item, String media, List<String> reasons, ImageQuality quality) {}

  public record Outcome(long items, long kept, List<Dropped> dropped, LossReport loss) {}

  /** The reasons {@code item} fails, given its measures (null when it has no image). */
  public static List<String> reasons(Item item, ImageQuality q, Thresholds t) {
    List<String> out = new ArrayList<>();
    if (q != null) {
      if (t.minSharpness() != null && q.sharpness() < t.minSharpness()) {
        out.add("blur: sharpness " + q.sharpness() + " < " + t.minSharpness());
      }
      if (t.minBrightness() != null && q.brightness() < t.minBrightness()) out.add("underexposed: mean " + q.brightness());
      if (t.maxBrightness() != null && q.brightness() > t.maxBrightness()) out.add("overexposed: mean " + q.brightness());
      if (t.maxClipped() != null && q.dark() > t.maxClipped()) out.add("underexposed: " + q.dark() + " of pixels black");
      if (t.maxClipped() != null && q.bright() > t.maxClipped()) out.add("overexposed: " + q.bright() + " of pixels white");
      if (t.maxNoise() != null && q.noise() > t.maxNoise()) out.add("noise: sigma " + q.noise() + " > " + t.maxNoise());
    }
    if (t.maxTilt() != null) {
      for (String key : List.of("tilt", "roll")) {
        Object v = item.attributes().get(key);
        Double deg = v instanceof Number n ? n.doubleValue() : parse(v);
        if (deg != null && Math.abs(deg) >= t.maxTilt()) out.add("tilt: " + key + " " + deg + "° ≥ " + t.maxTilt() + "°");
      }
    }
    return out;
  }

  private static Double parse(Object v) {
    if (!(v instanceof String s)) return null;
    try {
      return Double.parseDouble(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public static Outcome run(Format from, Path input, Format to, Path out, Thresholds t, ReadOptions readOptions,
                            Progress progress) throws IOException {
    ReadPlan plan = Datasets.plan(from, input, readOptions);
    Path root = plan.mediaRootFor(input);
    List<Dropped> dropped = new ArrayList<>();
    long[] counts = new long[2];
    LossReport loss = DatasetRewrite.write(from, input, to, out, plan.schema(), DatasetRewrite.referencing(plan, input),
        readOptions, progress, (index, item) -> {
          counts[0]++;
          MediaRef m = MediaFiles.firstImage(item);
          ImageQuality q = m == null ? null : ImageQuality.of(MediaFiles.resolve(root, item, m));
          List<String> why = reasons(item, q, t);
          if (!why.isEmpty()) {
            dropped.add(new Dropped(item.id(), m == null ? null : m.path(), why, q));
            return null;
          }
          counts[1]++;
          if (!t.annotate() || q == null) return item;
          Map<String, Object> attrs = new LinkedHashMap<>(item.attributes());
          attrs.put("quality_sharpness", q.sharpness());
          attrs.put("quality_brightness", q.brightness());
          attrs.put("quality_noise", q.noise());
          return item.withAttributes(attrs);
        });
    return new Outcome(counts[0], counts[1], List.copyOf(dropped), loss);
  }
}
