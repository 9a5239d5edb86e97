package org.trainset.formats.cvat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trainset.core.model.AttributeSpec;
import org.trainset.core.model.Box;
import org.trainset.core.model.Item;
import org.trainset.core.model.LabelDef;
import org.trainset.core.model.Polyline;
import org.trainset.testkit.SharedFixtures;

/** Datumaro's CVAT task export: attribute specs of four input types, empty labels, mixed numbers. */
class CvatExportTaskTest extends CvatFixtureTest {
  @Override protected Path sample() {
    return SharedFixtures.datumaro("cvat_dataset/for_images/export_task/train.xml");
  }

  @Override protected long expectedItems() { return 2; }
  @Override protected long expectedAnnotations() { return 4; }
  @Override protected Map<String, Long> expectedByType() {
    return Map.of("box", 1L, "polyline", 1L, "polygon", 1L, "points", 1L);
  }

  @Test
  void labelsCarryTheirAttributeSpecs() throws IOException {
    List<LabelDef> labels = plan(sample()).schema().labels();
    assertEquals(List.of("label1", "label2"), labels.stream().map(LabelDef::name).toList());
    assertEquals(List.of(
        new AttributeSpec("a1", "checkbox", List.of("false", "true"), "false", false),
        new AttributeSpec("a2", "radio", List.of("v1", "v2", "v3"), "v1", false),
        new AttributeSpec("a3", "text", List.of("0001 0002 0003"), "0000", false),
        new AttributeSpec("a4", "number", List.of("2.4", "1", "-5.6"), "0", false)), labels.get(0).attributes());
    assertEquals("annotation", container().get("mode"));
  }

  @Test
  void boxKeepsFlagsAndAttributes() throws IOException {
    Item img0 = item("img0.jpg");
    assertEquals("images/img0.jpg", img0.primaryMedia().path());
    assertEquals(8, img0.width());
    assertEquals(0L, img0.attributes().get("frame"));
    Box box = ofType(img0, Box.class).get(0);
    assertEquals(0.0, box.x());
    assertEquals(2.0, box.y());
    assertEquals(2.0, box.height());
    assertEquals(4.0, box.width());
    assertTrue(box.meta().occluded());
    assertEquals(1, box.meta().zOrder());
    assertEquals(Map.of("a1", "true", "a2", "v3", "a3", "0003", "a4", "2.4"), box.meta().attributes());
    Polyline line = ofType(img0, Polyline.class).get(0);
    assertEquals("", line.label());
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, line.points());
  }
}
