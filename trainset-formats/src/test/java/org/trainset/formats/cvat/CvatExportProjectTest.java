package org.trainset.formats.cvat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trainset.core.model.Item;
import org.trainset.testkit.SharedFixtures;

/** A CVAT project export: the same image id and name in three subsets must stay three items. */
class CvatExportProjectTest extends CvatFixtureTest {
  @Override protected Path sample() {
    return SharedFixtures.datumaro("cvat_dataset/for_images/export_project");
  }

  @Override protected long expectedItems() { return 6; }
  @Override protected long expectedAnnotations() { return 12; }
  @Override protected Map<String, Long> expectedByType() {
    return Map.of("box", 3L, "polyline", 3L, "polygon", 3L, "points", 3L);
  }

  @Test
  void itemIdsAreQualifiedBySubset() throws IOException {
    List<Item> items = items();
    assertEquals(List.of("Test/img0.jpg", "Test/img1.jpg", "Train/img0.jpg", "Train/img1.jpg",
        "Validation/img0.jpg", "Validation/img1.jpg"), items.stream().map(Item::id).toList());
    Item train = item("Train/img0.jpg");
    assertEquals("Train", train.subset());
    assertEquals("images/Train/img0.jpg", train.primaryMedia().path());
    assertEquals(39L, train.attributes().get("task_id"));
    assertEquals(List.of("Train", "Test", "Validation"), plan(sample()).schema().subsets());
    assertEquals("project", cvatMeta().get("container"));
    assertEquals("test", plan(sample()).schema().name());
  }
}
