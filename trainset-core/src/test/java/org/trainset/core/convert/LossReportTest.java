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
  void strictFailsOnTheFirstLossNamingIt() {
    var e = assertThrows(StrictLossException.class, () -> LossReport.strict().dropped(AnnotationType.TRACK, null, "box"));
    assertEquals("cannot hold track (box)", e.getMessage());
  }
}
