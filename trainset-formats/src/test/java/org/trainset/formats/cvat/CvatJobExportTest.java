package org.trainset.formats.cvat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trainset.core.model.AttributeSpec;
import org.trainset.core.model.Item;
import org.trainset.testkit.SharedFixtures;

/** docling-eval: a real CVAT server export of a job (meta/job, subset, colours, mutable attributes). */
class CvatJobExportTest extends CvatFixtureTest {
  @Override protected Path sample() {
    return SharedFixtures.external("docling-eval/tests/data/cvat_pdfs_dataset_e2e/case_01_annotations.xml");
  }

  @Override protected long expectedItems() { return 4; }
  @Override protected long expectedAnnotations() { return 182; }
  @Override protected Map<String, Long> expectedByType() { return Map.of("box", 157L, "polyline", 25L); }

  @Test
  void jobMetaSubsetAndFrameIds() throws IOException {
    assertEquals("job", cvatMeta().get("container"));
    assertEquals("11", container().get("id"));
    assertEquals(List.of("default"), plan(sample()).schema().subsets());
    List<Item> items = items();
    assertEquals(List.of(0L, 1L, 5L, 9L), items.stream().map(i -> i.attributes().get("frame")).toList());
    items.forEach(i -> assertEquals("default", i.subset()));
    var level = plan(sample()).schema().label("list_item").orElseThrow().attributes().get(0);
    assertEquals(new AttributeSpec("level", "number", List.of("1", "10", "1"), "1", true), level);
    assertEquals("#FFCC99", plan(sample()).schema().label("caption").orElseThrow().color());
  }
}
