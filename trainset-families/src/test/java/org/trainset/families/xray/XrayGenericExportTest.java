package org.trainset.families.xray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.core.Datasets;
import org.trainset.core.FormatRegistry;
import org.trainset.core.model.Box;
import org.trainset.core.model.Item;
import org.trainset.core.model.Polygon;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.spi.ReadOptions;
import org.trainset.families.GenericExport;

/** X-ray → COCO keeps the polygons and the category ids with their gaps; → aihub.xray.voc keeps one box per object. */
class XrayGenericExportTest {
  @TempDir Path dir;

  private List<Item> read(Path in) throws IOException {
    return Datasets.readAll(Datasets.plan(FormatRegistry.load().require("aihub.xray"), in, ReadOptions.defaults()),
        ReadOptions.defaults());
  }

  @Test
  void polygonsAndIdGapsSurviveCocoAndBoxesSurviveVoc() throws IOException {
    Path in = dir.resolve("xray");
    new XraySampleGenerator().generate(in, new SampleOptions(6, 4, false));
    List<Item> items = read(in);
    GenericExport.Result coco = GenericExport.roundTrip("aihub.xray", in, "coco", dir.resolve("coco"));
    var labels = Datasets.plan(FormatRegistry.load().require("coco"), dir.resolve("coco"), ReadOptions.defaults())
        .schema().labels();
    assertEquals(22, labels.stream().filter(l -> l.name().equals("PrtableGas")).findFirst().orElseThrow().id());
    assertEquals(41, labels.get(labels.size() - 1).id());
    GenericExport.Result voc = GenericExport.roundTrip("aihub.xray", in, "aihub.xray.voc", dir.resolve("voc"));
    assertEquals("coco", FormatRegistry.load().detect(dir.resolve("coco")).id(), "plain COCO is not claimed by a family");
    assertEquals("voc", FormatRegistry.load().detect(dir.resolve("voc")).id(), "plain VOC is not claimed by a family");
    assertEquals(items.size(), coco.items().size());
    assertEquals(items.size(), voc.items().size());
    for (Item it : items) {
      String stem = it.id().substring(it.id().lastIndexOf('/') + 1);
      Item c = coco.items().values().stream().filter(i -> i.id().endsWith(stem)).findFirst().orElseThrow();
      List<double[]> polys = it.annotations().stream().filter(a -> a instanceof Polygon).map(a -> ((Polygon) a).points()).toList();
      List<double[]> back = c.annotations().stream().filter(a -> a instanceof Polygon).map(a -> ((Polygon) a).points()).toList();
      assertEquals(polys.size(), back.size(), it.id());
      for (int k = 0; k < polys.size(); k++) assertArrayEquals(polys.get(k), back.get(k), 1e-9);
      Item v = voc.items().values().stream().filter(i -> i.id().endsWith(stem)).findFirst().orElseThrow();
      long boxes = it.annotations().stream().filter(a -> a instanceof Box).count();
      assertEquals(boxes, v.annotations().stream().filter(a -> a instanceof Box).count(), it.id());
    }
  }
}
