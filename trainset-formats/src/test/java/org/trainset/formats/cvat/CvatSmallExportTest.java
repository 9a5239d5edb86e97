package org.trainset.formats.cvat;

import java.nio.file.Path;
import java.util.Map;
import org.trainset.testkit.SharedFixtures;

/** docling-eval 020: a small single-image export of boxes and reading-order polylines. */
class CvatSmallExportTest extends CvatFixtureTest {
  @Override protected Path sample() {
    return SharedFixtures.external("docling-eval/tests/cvat_to_docling/fixtures/020_picture_group_captions/input_b.xml");
  }

  @Override protected long expectedItems() { return 1; }
  @Override protected long expectedAnnotations() { return 22; }
  @Override protected Map<String, Long> expectedByType() { return Map.of("box", 14L, "polyline", 8L); }
}
