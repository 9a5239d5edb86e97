package org.trainset.families.motion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.core.Datasets;
import org.trainset.core.FormatRegistry;
import org.trainset.core.model.Item;
import org.trainset.core.model.Points;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.spi.ReadOptions;
import org.trainset.families.GenericExport;

/** Motion → COCO keypoints → back: the same points and visibility; the loss report names what COCO drops. */
class MotionCocoExportTest {
  @TempDir Path dir;

  @Test
  void keypointsSurviveCoco() throws IOException {
    Path in = dir.resolve("motion");
    new MotionSampleGenerator().generate(in, new SampleOptions(8, 6, false));
    GenericExport.Result r = GenericExport.roundTrip("aihub.motion", in, "coco", dir.resolve("coco"));
    List<Item> items = Datasets.readAll(Datasets.plan(FormatRegistry.load().require("aihub.motion"), in,
        ReadOptions.defaults()), ReadOptions.defaults());
    assertEquals(items.size(), r.items().size());
    for (Item it : items) {
      Points p = (Points) it.annotations().stream().filter(a -> a instanceof Points).findFirst().orElseThrow();
      Item back = r.items().get(it.id());
      Points q = (Points) back.annotations().stream().filter(a -> a instanceof Points).findFirst().orElseThrow();
      assertArrayEquals(p.points(), q.points(), 1e-9, it.id());
      assertArrayEquals(p.visibility(), q.visibility(), it.id());
    }
    assertTrue(!r.loss().isLossless(), "item attributes (scenario, 3d_pos, ...) are reported: " + r.loss().describe());
  }
}
