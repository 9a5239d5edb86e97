package org.trainset.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trainset.core.DatasetSource;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Box;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;
import org.trainset.core.progress.Progress;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.stats.Statistics;
import org.trainset.core.validate.Validation;

/** The services over a source that is not a file (as the server's database is): the entry point the server uses. */
class SourceServicesTest {
  private static final DatasetSchema SCHEMA = DatasetSchema.empty().withLabelsAdded(List.of("car"));
  private static final List<Item> ITEMS = List.of(
      new Item("a", "train", List.of(MediaRef.image("a.jpg", 100, 50)), Map.of(),
          List.of(new Box(AnnotationMeta.of("car"), 0, 0, 10, 10), new Box(AnnotationMeta.of("car"), 95, 0, 10, 10))),
      new Item("b", "val", List.of(MediaRef.image("b.jpg", 100, 50)), Map.of(), List.of()));

  private static DatasetSource memory() {
    return DatasetSource.of(SCHEMA, problems -> {
      Iterator<Item> it = ITEMS.iterator();
      return new ItemCursor() {
        @Override public Item next() { return it.hasNext() ? it.next() : null; }
        @Override public void close() { }
      };
    });
  }

  @Test
  void validationOverItemsFromElsewhere() throws Exception {
    Validation.Result r = Validation.run(memory(), Progress.NONE);
    assertEquals(2, r.items());
    assertEquals(1, r.issues().size());
    assertEquals("box-outside-image", r.issues().get(0).rule());
    JsonNode json = r.toJson();
    assertFalse(json.has("format"), "a database source has no format");
    assertEquals(1, json.get("problems").asInt());
    JsonNode issue = json.get("findings").get(0);
    assertEquals("error", issue.get("severity").asText());
    assertEquals("a", issue.get("item").asText());
    assertEquals("#1", issue.get("annotation").asText());
  }

  @Test
  void statisticsOverItemsFromElsewhere() throws Exception {
    Statistics.Result r = Statistics.run(memory(), Progress.NONE);
    assertNull(r.format());
    assertEquals(2, r.items());
    assertEquals(2, r.annotations());
    JsonNode json = r.toJson();
    assertEquals(2, json.get("byLabel").get("car").asInt());
    assertEquals(1, json.get("bySubset").get("val").asInt());
    assertEquals(2, json.get("media").get("image").asInt());
    assertEquals(1, json.get("labelsDeclared").asInt());
  }
}
