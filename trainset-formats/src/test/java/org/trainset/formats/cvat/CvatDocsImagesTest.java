package org.trainset.formats.cvat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trainset.core.model.Mask;
import org.trainset.core.model.Points;
import org.trainset.core.model.Polygon;
import org.trainset.core.model.Tag;
import org.trainset.testkit.SharedFixtures;

/** CVAT's documented "for images" example: every shape kind including a mask RLE and a skeleton. */
class CvatDocsImagesTest extends CvatFixtureTest {
  @Override protected Path sample() {
    return SharedFixtures.external("cvat-docs/site/content/en/docs/other/xml_format_examples/for_images_example.xml");
  }

  @Override protected long expectedItems() { return 1; }
  @Override protected long expectedAnnotations() { return 8; }
  @Override protected Map<String, Long> expectedByType() {
    return Map.of("box", 1L, "polygon", 1L, "polyline", 2L, "points", 2L, "tag", 1L, "mask", 1L);
  }

  @Test
  void maskRleIsRowMajorInsideItsBox() throws IOException {
    Mask m = ofType(items().get(0), Mask.class).get(0);
    assertEquals(707, m.left());
    assertEquals(888, m.top());
    assertEquals(13, m.width());
    assertEquals(15, m.height());
    assertEquals(195, Arrays.stream(m.runs()).sum());
    assertEquals(29, m.runs().length);
    assertEquals(149, m.area(), "foreground pixels: the odd-indexed runs");
  }

  @Test
  void otherShapes() throws IOException {
    var item = items().get(0);
    assertEquals(69, ofType(item, Polygon.class).get(0).vertexCount());
    assertEquals("manual", ofType(item, Tag.class).get(0).meta().source());
    Points skeleton = ofType(item, Points.class).stream().filter(p -> p.label().equals("s1")).findFirst().orElseThrow();
    assertArrayEquals(new double[] {54.47, 94.81, 68.02, 162.34, 125.87, 62.85}, skeleton.points());
    assertEquals(1200, item.height());
  }
}
