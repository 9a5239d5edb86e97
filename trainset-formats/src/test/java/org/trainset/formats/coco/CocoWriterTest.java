package org.trainset.formats.coco;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.core.Datasets;
import org.trainset.core.FormatRegistry;
import org.trainset.core.convert.LossReport;
import org.trainset.core.convert.StrictLossException;
import org.trainset.core.model.*;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.WriteOptions;

/** What COCO keeps (in Datumaro's attributes object) and what it declares lost. */
class CocoWriterTest {
  private static final Format COCO = FormatRegistry.load().require("coco");
  @TempDir Path tmp;

  static final AnnotationMeta RICH = new AnnotationMeta(null, "car", Map.of("color", "red"), 4, 2, true, "annotator-12");

  static Item item() {
    AnnotationMeta person = AnnotationMeta.of("person");
    return new Item("img1", "train", List.of(MediaRef.image("images/train/img1.png", 64, 48)), Map.of("weather", "rain"),
        List.of(
            new Box(RICH, 1, 2, 30, 20, 15),
            new Polygon(RICH.withGroup(null), new double[] {0, 0, 10, 0, 10, 10}),
            new Points(person, new double[] {1, 2, 3, 4}, new int[] {2, 0}),
            new Mask(person, 3, 4, 3, 2, new int[] {1, 4, 1}),
            new Tag(AnnotationMeta.of("day")),
            new Caption(AnnotationMeta.of(""), "a red car"),
            new Polyline(person, new double[] {1, 1, 2, 2}),
            new TextPair(person, "안녕", "hi", "ko", "en"),
            new TimeEvent(person, 1, 2),
            new Track(RICH, List.of(new TrackFrame(0, new Box(AnnotationMeta.of("car"), 0, 0, 5, 5), false, true)))));
  }

  private List<Item> roundTrip(Path out, LossReport loss) throws IOException {
    DatasetSchema schema = new DatasetSchema("t", Map.of("info", Map.of("description", "x")),
        List.of(LabelDef.withId("car", 3), new LabelDef("person", 1, null, null, null, List.of(), List.of("nose", "eye"),
            List.of(new int[] {1, 2}))), List.of("train"));
    try (ItemSink sink = COCO.writer().orElseThrow().open(out, schema, WriteOptions.defaults(), loss)) {
      sink.accept(item());
      sink.commit();
    }
    return Datasets.readAll(Datasets.plan(COCO, out, ReadOptions.defaults()), ReadOptions.defaults());
  }

  @Test
  void declaresWhatItDropsAndKeepsCommonFieldsAsAttributes() throws IOException {
    LossReport loss = LossReport.lenient();
    List<Item> back = roundTrip(tmp.resolve("out"), loss);
    assertEquals(Map.of("polyline", 1L, "text pair", 1L, "time event", 1L, "track (box)", 1L), loss.droppedCounts());
    assertEquals(1L, loss.changedCounts().get("rotation on box (COCO bbox is the unrotated box, angle kept in attributes.rotation)"));
    Item i = back.get(0);
    assertEquals("img1", i.id());
    assertEquals("train", i.subset());
    assertEquals("rain", i.attributes().get("weather"));
    Box box = (Box) i.annotations().get(0);
    assertEquals(15, box.rotation());
    assertEquals(RICH.withId("1"), box.meta(), "occluded, z-order, source, group and attributes survive");
    assertEquals(RICH.withGroup(null).withId("2"), i.annotations().get(1).meta());
    assertEquals(Map.of(), loss.droppedCounts().entrySet().stream()
        .filter(e -> e.getKey().contains("occluded") || e.getKey().contains("group")).collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    Mask mask = (Mask) i.annotations().get(2);
    assertArrayEquals(new int[] {1, 4, 1}, mask.runs());
    assertEquals(3, mask.left());
    Points pts = (Points) i.annotations().get(3);
    assertArrayEquals(new int[] {2, 0}, pts.visibility());
    assertEquals(null, pts.meta().group(), "no group was given, none is invented");
    assertEquals("day", ((Tag) i.annotations().get(4)).label());
    assertEquals("a red car", ((Caption) i.annotations().get(5)).text());
    assertEquals(6, i.annotations().size());
    assertTrue(Files.exists(tmp.resolve("out/annotations/person_keypoints_train.json")));
  }

  @Test
  void strictModeFailsAndWritesNothing() {
    Path out = tmp.resolve("strict");
    assertThrows(StrictLossException.class, () -> roundTrip(out, LossReport.strict()));
    assertFalse(Files.exists(out));
  }
}
