package org.trainset.formats.trainset;

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
import org.trainset.core.Datasets;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.InputException;
import org.trainset.core.model.*;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.WriteOptions;
import org.trainset.testkit.FormatContract;

/** Every model feature survives the native format exactly. */
class TrainsetFormatTest extends FormatContract {
  static final AnnotationMeta META = new AnnotationMeta("7", "car", Map.of("color", "red", "n", 3L,
      "nested", Map.of("k", List.of(1.5, true))), 4, 2, true, "annotator-12");

  static DatasetSchema schema() {
    return new DatasetSchema("every-feature", Map.of("licence", "CC-BY-4.0"), List.of(
        new LabelDef("car", 3, null, "#ff0000", "rectangle",
            List.of(new AttributeSpec("color", "select", List.of("red", "blue"), "red", true)), List.of(), List.of()),
        new LabelDef("person", 1, "agent", null, "skeleton", List.of(), List.of("nose", "eye"),
            List.of(new int[] {1, 2}))), List.of("train", "val"));
  }

  static List<Item> items() {
    AnnotationMeta plain = AnnotationMeta.of("person");
    List<Annotation> anns = List.of(
        new Tag(plain),
        new Box(META, 1.5, 2, 30, 40.25, 15),
        new Polygon(META, new double[] {0, 0, 10, 0, 10, 10}),
        new Polyline(plain, new double[] {1, 1, 2, 2}),
        new Points(plain, new double[] {1, 2, 3, 4}, new int[] {2, 0}),
        new Mask(META, 3, 4, 3, 2, new int[] {1, 4, 1}),
        new Caption(plain, "한국어 캡션 \"quoted\""),
        new TextPair(plain, "안녕하세요", "Hello", "ko", "en"),
        new TimeEvent(plain, 1.25, 3.5),
        new Track(META, List.of(
            new TrackFrame(0, new Box(AnnotationMeta.of("car"), 0, 0, 5, 5), false, true),
            new TrackFrame(3, new Box(AnnotationMeta.of("car"), 1, 1, 5, 5), true, false))));
    Item first = new Item("a/1", "train",
        List.of(new MediaRef(MediaKind.IMAGE, "images/1.jpg", 640, 480, Map.of("bytes", 1234L)),
            new MediaRef(MediaKind.VIDEO, "v.mp4", null, null, Map.of("fps", 29.97))),
        Map.of("weather", "rain", "night", true), anns);
    Item second = new Item("b", null, List.of(), Map.of(), List.of());
    return List.of(first, second);
  }

  @Override protected String formatId() { return "trainset"; }

  @Override protected Path sample() throws IOException {
    Path dir = tempDir.resolve("native");
    if (!Files.exists(dir)) write(dir, items());
    return dir;
  }

  @Override protected long expectedItems() { return 2; }
  @Override protected long expectedAnnotations() { return 10; }

  static void write(Path dir, List<Item> items) throws IOException {
    try (ItemSink sink = new TrainsetFormat().writer().orElseThrow()
        .open(dir, schema(), WriteOptions.defaults(), LossReport.strict())) {
      for (Item i : items) sink.accept(i);
      sink.commit();
    }
  }

  @Test
  void itemsAndSchemaAreEqualAfterRoundTrip() throws IOException {
    var plan = plan(sample());
    assertEquals(schema(), plan.schema());
    assertEquals(items(), Datasets.readAll(plan, ReadOptions.defaults()));
  }

  @Test
  void uncommittedWriteLeavesEarlierOutputIntact() throws IOException {
    Path dir = sample();
    byte[] before = Files.readAllBytes(dir.resolve("items/part-00000.jsonl"));
    try (ItemSink sink = new TrainsetFormat().writer().orElseThrow()
        .open(dir, schema(), WriteOptions.defaults(), LossReport.strict())) {
      sink.accept(items().get(1));
      // no commit: simulates a failure half way
    }
    assertEquals(new String(before), Files.readString(dir.resolve("items/part-00000.jsonl")));
    try (var s = Files.list(tempDir)) {
      assertFalse(s.anyMatch(p -> p.getFileName().toString().contains("staging")), "staging left behind");
    }
  }

  @Test
  void malformedLineNamesFileAndLine() throws IOException {
    Path dir = sample();
    Path shard = dir.resolve("items/part-00000.jsonl");
    Files.writeString(shard, Files.readString(shard) + "{\"id\": \"x\", \"annotations\": [\n");
    InputException e = assertThrows(InputException.class, () -> readAll(dir));
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("part-00000.jsonl:3"), e.getMessage());
  }
}
