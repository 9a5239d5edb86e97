package org.trainset.formats.cvat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trainset.core.model.Box;
import org.trainset.testkit.SharedFixtures;

/** docling-eval 009: many rotated boxes on one page. */
class CvatRotatedTableTest extends CvatFixtureTest {
  @Override protected Path sample() {
    return SharedFixtures.external("docling-eval/tests/cvat_to_docling/fixtures/009_rotation_on_table/input.xml");
  }

  @Override protected long expectedItems() { return 1; }
  @Override protected long expectedAnnotations() { return 39; }
  @Override protected Map<String, Long> expectedByType() { return Map.of("box", 38L, "polyline", 1L); }

  @Test
  void elevenBoxesAreRotated() throws IOException {
    assertEquals(11, ofType(items().get(0), Box.class).stream().filter(b -> b.rotation() != 0).count());
  }
}
