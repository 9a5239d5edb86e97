package org.trainset.refine.images;

import org.trainset.testkit.images.SyntheticImages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.core.FormatRegistry;
import org.trainset.core.progress.Progress;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ReadOptions;

class ImageDedupTest {
  @TempDir Path tmp;

  /** 40 distinct scenes; scenes 0..9 also get an exact copy, a JPEG q=0.3 copy, a half-size copy and a 4%-cropped copy. */
  static List<String[]> build(Path media, String label) throws Exception {
    List<String[]> rows = new ArrayList<>();
    for (int s = 0; s < 40; s++) {
      BufferedImage img = SyntheticImages.scene(1000 + s, 320, 240);
      String base = String.format("img%03d", s);
      ImageFixtures.jpeg(img, media.resolve(base + ".jpg"), 0.92f);
      rows.add(new String[] {base, base + ".jpg", label});
      if (s < 10) {
        Files.copy(media.resolve(base + ".jpg"), media.resolve(base + "_copy.jpg"));
        rows.add(new String[] {base + "_copy", base + "_copy.jpg", label});
        ImageFixtures.jpeg(img, media.resolve(base + "_q30.jpg"), 0.3f);
        rows.add(new String[] {base + "_q30", base + "_q30.jpg", label});
        ImageFixtures.jpeg(SyntheticImages.resized(img, 0.5), media.resolve(base + "_half.jpg"), 0.9f);
        rows.add(new String[] {base + "_half", base + "_half.jpg", label});
        ImageFixtures.jpeg(SyntheticImages.cropped(img, 0.04), media.resolve(base + "_crop.jpg"), 0.9f);
        rows.add(new String[] {base + "_crop", base + "_crop.jpg", label});
      }
    }
    return rows;
  }

  @Test void findsReencodedResizedCroppedAndExactCopiesButNoDistinctImages() throws Exception {
    Path media = tmp.resolve("media");
    ImageFixtures.dataset(tmp.resolve("ds"), media, build(media, "street"));
    Format trainset = FormatRegistry.load().require("trainset");
    ImageDedup.Outcome r = ImageDedup.run(trainset, tmp.resolve("ds"), trainset, tmp.resolve("out"),
        tmp.resolve("out.json"), tmp.resolve("out.html"), new ImageDedup.Options(10, 12, false), ReadOptions.defaults(), Progress.NONE);
    assertEquals(80, r.items());
    Map<String, Set<String>> clusters = new HashMap<>();
    for (ImageCluster c : r.clusters()) {
      Set<String> ids = new TreeSet<>();
      c.members().forEach(m -> ids.add(m.id()));
      clusters.put(c.members().get(0).id(), ids);
      for (ImageCluster.Member m : c.members()) {
        if (m.id().endsWith("_copy")) assertEquals("exact", m.rule());
      }
    }
    assertEquals(10, clusters.size(), "one cluster per edited scene, distinct scenes never merged: " + clusters);
    for (int s = 0; s < 10; s++) {
      String b = String.format("img%03d", s);
      assertEquals(Set.of(b, b + "_copy", b + "_q30", b + "_half", b + "_crop"), clusters.get(b));
    }
    assertEquals(40, r.removed());
    assertTrue(Files.readString(tmp.resolve("out.html")).contains("data:image/jpeg;base64,"));
  }

  @Test void perLabelOnlyMergesImagesOfTheSameClass() throws Exception {
    Path media = tmp.resolve("media");
    BufferedImage img = SyntheticImages.scene(7, 200, 150);
    ImageFixtures.jpeg(img, media.resolve("a.jpg"), 0.9f);
    Files.copy(media.resolve("a.jpg"), media.resolve("b.jpg"));
    Files.copy(media.resolve("a.jpg"), media.resolve("c.jpg"));
    ImageFixtures.dataset(tmp.resolve("ds"), media, List.of(new String[] {"1", "a.jpg", "car"},
        new String[] {"2", "b.jpg", "person"}, new String[] {"3", "c.jpg", "car"}));
    Format trainset = FormatRegistry.load().require("trainset");
    ImageDedup.Outcome r = ImageDedup.run(trainset, tmp.resolve("ds"), trainset, tmp.resolve("out"), tmp.resolve("o.json"), null,
        new ImageDedup.Options(8, 8, true), ReadOptions.defaults(), Progress.NONE);
    assertEquals(1, r.clusters().size());
    assertEquals(List.of("1", "3"), r.clusters().get(0).members().stream().map(ImageCluster.Member::id).toList());
  }
}
