package org.trainset.core.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trainset.core.model.AnnotationType;

class LossReportTest {
  @Test
  void entriesAreStructuredAndCounted() {
    LossReport loss = LossReport.lenient();
    loss.dropped(AnnotationType.BOX, "attribute 'color'", null);
    loss.dropped(AnnotationType.BOX, "attribute 'color'", null);
    loss.changed(AnnotationType.POLYGON, null, "polygon -> bounding box");
    loss.dropped(AnnotationType.TEXT_PAIR, null, null);
    List<LossReport.Entry> e = loss.entries();
    assertEquals(new LossReport.Entry(LossReport.Kind.DROPPED, AnnotationType.BOX, "attribute 'color'", null, 2), e.get(0));
    assertEquals(Map.of("attribute 'color' on box", 2L, "text pair", 1L), loss.droppedCounts());
    assertEquals(Map.of("polygon (polygon -> bounding box)", 1L), loss.changedCounts());
    JsonNode first = loss.toJson().get(0);
    assertEquals("dropped", first.get("kind").asText());
    assertEquals("box", first.get("annotationType").asText());
    assertEquals("attribute 'color'", first.get("field").asText());
    assertEquals(2, first.get("count").asInt());
  }

  @Test
  void approximationsAndTheFirstItemAreKept() {
    LossReport loss = LossReport.lenient();
    loss.atItem("img1");
    loss.approximated(AnnotationType.POLYGON, null, "-> box");
    loss.atItem("img2");
    loss.approximated(AnnotationType.POLYGON, null, "-> box");
    loss.dropped(null, "item", "without media");
    LossReport.Entry e = loss.entries().get(0);
    assertEquals(new LossReport.Entry(LossReport.Kind.APPROXIMATED, AnnotationType.POLYGON, null, "-> box", 2, "img1"), e);
    assertEquals("approximated 2 × polygon (-> box), e.g. item 'img1'", e.message());
    assertEquals("img2", loss.entries().get(1).exampleItem());
    assertEquals("dropped 1 × item (without media), e.g. item 'img2'\napproximated 2 × polygon (-> box), e.g. item 'img1'",
        loss.describe());
    JsonNode json = loss.toJson().get(0);
    assertEquals("approximated", json.get("kind").asText());
    assertEquals("img1", json.get("exampleItem").asText());
    assertEquals(e.message(), json.get("message").asText());
    LossReport merged = LossReport.lenient();
    merged.add(loss.entries());
    merged.add(loss.entries());
    assertEquals(4, merged.entries().get(0).count());
    assertEquals("img1", merged.entries().get(0).exampleItem());
  }

  @Test
  void strictFailsOnTheFirstLossNamingIt() {
    var e = assertThrows(StrictLossException.class, () -> LossReport.strict().dropped(AnnotationType.TRACK, null, "box"));
    assertEquals("cannot hold track (box)", e.getMessage());
    LossReport strict = LossReport.strict();
    strict.atItem("x7");
    var a = assertThrows(StrictLossException.class, () -> strict.approximated(AnnotationType.MASK, null, "-> box"));
    assertEquals("would approximate mask (-> box) (item 'x7')", a.getMessage());
  }
}
