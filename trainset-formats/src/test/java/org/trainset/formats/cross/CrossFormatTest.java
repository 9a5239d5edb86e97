package org.trainset.formats.cross;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.core.Datasets;
import org.trainset.core.FormatRegistry;
import org.trainset.core.convert.Conversion;
import org.trainset.core.model.Item;
import org.trainset.core.progress.Progress;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ReadOptions;
import org.trainset.testkit.SharedFixtures;

/**
 * Conversions between formats through the same entry point `trainset convert` uses: every
 * annotation the intermediate format can hold comes back unchanged (geometry, label, type,
 * per image file), and the loss report accounts for the rest.
 */
class CrossFormatTest {
  private static final FormatRegistry REGISTRY = FormatRegistry.load();
  @TempDir Path tmp;

  private static List<Item> read(String formatId, Path path) throws IOException {
    Format f = REGISTRY.require(formatId);
    return Datasets.readAll(Datasets.plan(f, path, ReadOptions.defaults()), ReadOptions.defaults());
  }

  private Conversion.Result convert(String from, Path in, String to, Path out) throws IOException {
    return Conversion.run(REGISTRY.require(from), in, REGISTRY.require(to), out, ReadOptions.defaults(), false,
        Progress.NONE);
  }

  @Test
  void cocoToCvatToCocoKeepsShapes() throws IOException {
    Path coco = SharedFixtures.datumaro("coco_dataset/coco");
    Path cvat = tmp.resolve("cvat");
    Path back = tmp.resolve("coco-again");
    Conversion.Result there = convert("coco", coco, "cvat", cvat);
    Conversion.Result again = convert("cvat", cvat, "coco", back);
    Set<String> held = Set.of("box", "polygon", "mask", "points");
    Map<String, List<String>> original = HoldableAnnotations.of(read("coco", coco), held, 3);
    assertTrue(original.values().stream().mapToInt(List::size).sum() >= 4, "fixture has shapes: " + original);
    assertEquals(original, HoldableAnnotations.of(read("coco", back), held, 3));
    // CVAT cannot hold captions; the report says so, with counts.
    assertTrue(there.loss().droppedCounts().keySet().stream().anyMatch(k -> k.contains("caption")),
        there.loss().describe());
    assertEquals(there.items(), again.items());
  }

  @Test
  void cvatToYoloToCvatKeepsBoxesAndPolygons() throws IOException {
    Path cvat = SharedFixtures.datumaro("cvat_dataset/for_images/export_task/train.xml");
    Path yolo = tmp.resolve("yolo");
    Path back = tmp.resolve("cvat-again");
    Conversion.Result there = convert("cvat", cvat, "yolo", yolo);
    convert("yolo", yolo, "cvat", back);
    Set<String> held = Set.of("box", "polygon");
    Map<String, List<String>> original = HoldableAnnotations.of(read("cvat", cvat), held, 2);
    assertFalse(original.values().stream().allMatch(List::isEmpty), "fixture has boxes/polygons");
    // YOLO keeps label names through data.yaml but not CVAT's empty label: count by geometry too.
    assertEquals(original, HoldableAnnotations.of(read("cvat", back), held, 2));
    assertFalse(there.loss().isLossless(), "polylines, points and attributes are reported: " + there.loss().describe());
  }

  @Test
  void demoStreetScenesSurviveEveryGenericFormat() throws IOException {
    Path coco = Path.of("..", "trainset-cli", "src", "main", "resources", "org", "trainset", "cli", "demo", "street");
    Map<String, List<String>> original = HoldableAnnotations.of(read("coco", coco), Set.of("polygon"), 2);
    for (String via : List.of("cvat", "yolo", "trainset")) {
      Path mid = tmp.resolve(via);
      Path back = tmp.resolve(via + "-back");
      convert("coco", coco, via, mid);
      convert(via, mid, "coco", back);
      assertEquals(original, HoldableAnnotations.of(read("coco", back), Set.of("polygon"), 2), "via " + via);
    }
  }
}
