package org.trainset.formats.cvat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trainset.core.model.Box;
import org.trainset.testkit.SharedFixtures;

/** docling-eval 007: no meta and no version; source=""; a box rotated by 270 degrees. */
class CvatNoMetaTest extends CvatFixtureTest {
  @Override protected Path sample() {
    return SharedFixtures.external("docling-eval/tests/cvat_to_docling/fixtures/007_rotation_test/input.xml");
  }

  @Override protected long expectedItems() { return 1; }
  @Override protected long expectedAnnotations() { return 4; }
  @Override protected Map<String, Long> expectedByType() { return Map.of("box", 3L, "polyline", 1L); }

  @Test
  void rotationAndEmptySourceSurvive() throws IOException {
    assertTrue(plan(sample()).schema().labels().isEmpty());
    assertTrue(plan(sample()).schema().metadata().isEmpty());
    var boxes = ofType(items().get(0), Box.class);
    assertEquals(270.0, boxes.get(2).rotation());
    assertEquals(0.0, boxes.get(0).rotation());
    assertEquals("", boxes.get(0).meta().source());
    assertEquals(144.90040100000004, boxes.get(0).x());
    assertEquals(Map.of("content_layer", "BODY", "level", "1"), boxes.get(0).meta().attributes());
    assertEquals(591L, items().get(0).attributes().get("frame"));
  }
}
