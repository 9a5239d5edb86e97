package org.trainset.families.sidewalk;

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
import org.trainset.core.model.Mask;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.spi.ReadOptions;
import org.trainset.families.GenericExport;

/** Sidewalk → CVAT keeps boxes, polygons (with attributes) and the surface masks; depth sets lose 7 of 8 files. */
class SidewalkCvatExportTest {
  @TempDir Path dir;

  @Test
  void annotationsSurviveCvat() throws IOException {
    Path in = dir.resolve("sw");
    new SidewalkSampleGenerator().generate(in, new SampleOptions(6, 5, false));
    List<Item> items = Datasets.readAll(Datasets.plan(FormatRegistry.load().require("aihub.sidewalk"), in,
        ReadOptions.defaults()), ReadOptions.defaults());
    GenericExport.Result r = GenericExport.roundTrip("aihub.sidewalk", in, "cvat", dir.resolve("cvat"));
    assertEquals(items.size(), r.items().size());
    for (Item it : items) {
      Item back = r.items().values().stream().filter(i -> i.id().startsWith(it.id()))
          .findFirst().orElseThrow(() -> new AssertionError(it.id() + " in " + r.items().keySet()));
      assertEquals(it.annotations().size(), back.annotations().size(), it.id());
      for (int k = 0; k < it.annotations().size(); k++) {
        var a = it.annotations().get(k);
        var b = back.annotations().get(k);
        assertEquals(a.type(), b.type());
        assertEquals(a.label(), b.label());
        if (a instanceof Mask m) assertEquals(m.area(), ((Mask) b).area());
      }
    }
    assertTrue(r.loss().describe().contains("media file (beyond an item's first)"), r.loss().describe());
  }
}
