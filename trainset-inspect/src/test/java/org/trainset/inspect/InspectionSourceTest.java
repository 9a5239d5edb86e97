package org.trainset.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.trainset.inspect.rules.Items.box;
import static org.trainset.inspect.rules.Items.image;
import static org.trainset.inspect.rules.Items.pack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trainset.core.DatasetSource;
import org.trainset.core.issue.Severity;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.progress.Progress;
import org.trainset.core.spi.ItemCursor;

/** The inspect service over items that do not come from files (the server's entry point). */
class InspectionSourceTest {
  @Test
  void rulePackOverItemsFromElsewhere() throws Exception {
    List<Item> items = List.of(image("a", 100, 100, List.of(box("b1", "car", 0, 0, 2, 2), box("b2", "car", 0, 0, 50, 50))),
        image("b", 100, 100, List.of()));
    DatasetSource source = DatasetSource.of(DatasetSchema.empty(), problems -> {
      Iterator<Item> it = items.iterator();
      return new ItemCursor() {
        @Override public Item next() { return it.hasNext() ? it.next() : null; }
        @Override public void close() { }
      };
    });
    var rules = pack("pack: t\nrules:\n  - {id: small, type: min-size, severity: warning, min: 10}\n");
    Inspection.Result r = Inspection.run(source, rules, Inspection.Options.defaults(), Progress.NONE);
    assertEquals(2, r.items());
    assertEquals(1, r.total());
    assertEquals(1, r.atLeast(Severity.WARNING));
    assertEquals(0, r.atLeast(Severity.ERROR));
    JsonNode json = r.toJson();
    assertFalse(json.has("format"));
    assertEquals("t", json.get("pack").asText());
    JsonNode f = json.get("shown").get(0);
    assertEquals("small", f.get("rule").asText());
    assertEquals("b1", f.get("annotation").asText());
    assertEquals("warning", f.get("severity").asText());
  }

  @Test
  void noPackForUnknownFormatNamesNoCliFlag() {
    var e = assertThrows(Inspection.NoPackException.class, () -> Inspection.packFor(null, "coco"));
    assertFalse(e.getMessage().contains("--"), e.getMessage());
  }
}
