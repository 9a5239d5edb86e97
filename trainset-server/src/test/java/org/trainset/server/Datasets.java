package org.trainset.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.trainset.core.DatasetStats;
import org.trainset.core.FormatRegistry;
import org.trainset.core.model.Item;
import org.trainset.core.sample.SampleGenerator;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPlan;
import org.trainset.testkit.SharedFixtures;

/** The datasets the server tests import, and their counts as the library reads them from files. */
final class Datasets {
  static final FormatRegistry REGISTRY = FormatRegistry.load();

  private Datasets() {}

  /** One fixture per generic readable format (from ../shared). */
  static Path fixture(String format) {
    return switch (format) {
      case "coco" -> SharedFixtures.datumaro("coco_dataset/coco");
      case "cvat" -> SharedFixtures.datumaro("cvat_dataset/for_images/export_project");
      case "voc" -> SharedFixtures.datumaro("voc_dataset/voc_dataset1");
      case "yolo" -> SharedFixtures.datumaro("yolo_dataset/strict");
      default -> throw new IllegalArgumentException(format);
    };
  }

  /** A family sample made by the family's generator ({@code trainset sample ID}). */
  static Path sample(String family, Path out, int items) throws IOException {
    return sample(family, out, items, false);
  }

  static Path sample(String family, Path out, int items, boolean defects) throws IOException {
    for (SampleGenerator g : ServiceLoader.load(SampleGenerator.class)) {
      if (g.formatId().equals(family)) {
        g.generate(out, new SampleOptions(items, 7, defects));
        return out;
      }
    }
    throw new IllegalArgumentException("no generator for " + family);
  }

  /** The library's counts over the files (what {@code trainset stats} prints). */
  static DatasetStats stats(Path dir) throws IOException {
    Format f = REGISTRY.detect(dir);
    ReadPlan plan = org.trainset.core.Datasets.plan(f, dir, ReadOptions.defaults());
    DatasetStats s = new DatasetStats();
    try (ItemCursor c = org.trainset.core.Datasets.cursor(plan, ReadOptions.defaults())) {
      for (Item i = c.next(); i != null; i = c.next()) s.add(i);
    }
    return s;
  }

  /** {@code trainset stats --json} over the files (the Statistics service the verb calls). */
  static com.fasterxml.jackson.databind.JsonNode statsJson(Path dir) throws IOException {
    return reparse(org.trainset.core.stats.Statistics.run(REGISTRY.detect(dir), dir, ReadOptions.defaults(),
        org.trainset.core.progress.Progress.NONE).toJson());
  }

  /** {@code trainset inspect --json} over the files with the format's pack (the Inspection service the verb calls). */
  static com.fasterxml.jackson.databind.JsonNode findingsJson(Path dir, int keep) throws IOException {
    Format f = REGISTRY.detect(dir);
    return reparse(org.trainset.inspect.Inspection.run(f, dir, ReadOptions.defaults(), org.trainset.inspect.Inspection.packFor(null, f.id()),
        new org.trainset.inspect.Inspection.Options(keep, null, null, 0), org.trainset.core.progress.Progress.NONE).toJson());
  }

  /** As the JSON would read back from HTTP (number node types as parsed). */
  private static com.fasterxml.jackson.databind.JsonNode reparse(com.fasterxml.jackson.databind.JsonNode n) throws IOException {
    return ApiClient.JSON.readTree(n.toString());
  }

  static String detect(Path dir) throws IOException {
    return REGISTRY.detect(dir).id();
  }
}
