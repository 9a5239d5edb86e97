package org.trainset.eval.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.core.DatasetSource;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.progress.Progress;
import org.trainset.core.spi.ItemCursor;

/** The split service over items that do not come from files (the server's entry point). */
class SplitSourceTest {
  @TempDir Path tmp;

  private static DatasetSource memory(int n) {
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < n; i++) items.add(new Item("i" + i, null, List.of(), Map.of("patient", "p" + (i / 2)), List.of()));
    return DatasetSource.of(DatasetSchema.empty(), problems -> {
      Iterator<Item> it = items.iterator();
      return new ItemCursor() {
        @Override public Item next() { return it.hasNext() ? it.next() : null; }
        @Override public void close() { }
      };
    });
  }

  @Test
  void groupedFoldsFromASourceWithoutFiles() throws Exception {
    Split.Options opts = new Split.Options(2, null, null, null, SplitKey.parse("attr:patient"), 0, false, null);
    Split.Result r = Split.run(memory(10), opts, tmp.resolve("out"), Progress.NONE);
    assertFalse(r.leaked());
    assertTrue(Files.isRegularFile(tmp.resolve("out").resolve(SplitManifest.CSV)));
    JsonNode json = r.toJson();
    assertEquals("attr:patient", json.get("groupBy").asText());
    assertEquals("", json.get("stratifyBy").asText());
    assertEquals(0, json.get("leaks").asInt());
    long total = 0;
    for (JsonNode s : json.get("splits")) total += s.get("items").asLong();
    assertEquals(10, total);
  }

  @Test
  void badRequestsNameTheFieldNotAFlag() {
    var e = assertThrows(SplitRequestException.class,
        () -> new Split.Options(0, new double[] {0.5, 0.5}, List.of("a", "b", "c"), null, null, 0, false, null).plan());
    assertEquals("names", e.field());
    var tooMany = assertThrows(SplitRequestException.class, () -> Split.run(memory(4),
        new Split.Options(9, null, null, null, null, 0, false, null), tmp.resolve("x"), Progress.NONE));
    assertEquals("folds", tooMany.field());
    assertFalse(tooMany.getMessage().contains("--"), tooMany.getMessage());
  }
}
