package org.trainset.formats.voc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Box;
import org.trainset.core.model.Item;
import org.trainset.core.model.LabelDef;
import org.trainset.core.model.MediaRef;
import org.trainset.testkit.FormatContract;
import org.trainset.testkit.SharedFixtures;

/** The VOC contract on each real fixture, plus what the fixtures hold in detail and bad input. */
class VocFormatTest {

  abstract static class VocContract extends FormatContract {
    @Override protected String formatId() { return "voc"; }
  }

  @Nested class VocDataset1 extends VocContract {
    @Override protected Path sample() { return SharedFixtures.datumaro("voc_dataset/voc_dataset1"); }
    @Override protected long expectedItems() { return 2; }
    // three objects in the XML, one instance in SegmentationObject (class bicycle in SegmentationClass)
    @Override protected long expectedAnnotations() { return 4; }
    @Override protected Map<String, Long> expectedByType() { return Map.of("box", 3L, "mask", 1L); }

    /** VOC XML holds no masks: the writer turns the instance mask into its box, as declared. */
    @Override protected Item afterRoundTrip(Item original, LossReport loss) {
      if (original.annotations().stream().noneMatch(a -> a instanceof org.trainset.core.model.Mask)) return original;
      assertEquals(Long.valueOf(1), loss.changedCounts().get("mask (-> box)"), loss.describe());
      List<Annotation> anns = new ArrayList<>();
      for (Annotation a : original.annotations()) {
        if (a instanceof org.trainset.core.model.Mask m) {
          var meta = m.meta().withAttributes(Map.of("difficult", false, "truncated", false));
          anns.add(new Box(meta, m.left(), m.top(), m.width(), m.height()));
        } else {
          anns.add(a);
        }
      }
      return original.withAnnotations(anns);
    }

    @Test void objectsPartsActionsAndSubsets() throws IOException {
      List<Item> items = readAll(sample());
      Item first = items.stream().filter(i -> i.id().equals("2007_000001")).findFirst().orElseThrow();
      Item second = items.stream().filter(i -> i.id().equals("2007_000002")).findFirst().orElseThrow();
      assertEquals("train", first.subset());
      assertEquals("test", second.subset());
      assertEquals(MediaRef.image("JPEGImages/2007_000001.jpg", 20, 10), first.primaryMedia());
      assertEquals(Boolean.TRUE, first.attributes().get("segmented"));
      Box cat = (Box) first.annotations().get(0);
      assertEquals("cat", cat.label());
      assertEquals(List.of(1.0, 2.0, 2.0, 2.0), List.of(cat.x(), cat.y(), cat.width(), cat.height()));
      assertEquals(Map.of("difficult", false, "truncated", true, "pose", "Unspecified"), cat.meta().attributes());
      assertNull(cat.meta().group());
      Box person = (Box) first.annotations().get(1);
      Box head = (Box) first.annotations().get(2);
      assertEquals("person", person.label());
      assertEquals(Boolean.TRUE, person.meta().attributes().get("phoning"));
      assertEquals(Boolean.FALSE, person.meta().attributes().get("jumping"));
      assertEquals(13, person.meta().attributes().size(), "11 actions + difficult + truncated");
      assertEquals("head", head.label());
      assertEquals(5.5, head.x());
      assertEquals(2, person.meta().group());
      assertEquals(person.meta().group(), head.meta().group());
      // the unannotated test image gets its size from the JPEG header
      assertTrue(second.primaryMedia().hasSize(), second.toString());
      assertTrue(second.annotations().isEmpty());
      assertEquals(List.of("train", "test"), plan(sample()).schema().subsets());
    }
  }

  @Nested class VocDataset2 extends VocContract {
    @Override protected Path sample() { return SharedFixtures.datumaro("voc_dataset/voc_dataset2"); }
    @Override protected long expectedItems() { return 5; }
    @Override protected long expectedAnnotations() { return 4; }

    @Test void labelmapColoursAndTheEmptyItem() throws IOException {
      var schema = plan(sample()).schema();
      assertEquals(22, schema.labels().size());
      assertEquals("#800000", schema.label("aeroplane").map(LabelDef::color).orElseThrow());
      assertEquals("#e0e0c0", schema.label("ignored").map(LabelDef::color).orElseThrow());
      assertEquals(List.of("trainval"), schema.subsets(), "class lists like cat_trainval are not subsets");
      List<Item> items = readAll(sample());
      Item at = items.stream().filter(i -> i.id().equals("@")).findFirst().orElseThrow();
      assertTrue(at.annotations().isEmpty());
      assertEquals(MediaRef.image("JPEGImages/@.jpg", null, null), at.primaryMedia());
      assertEquals("trainval", at.subset());
      Item a = items.stream().filter(i -> i.id().equals("a")).findFirst().orElseThrow();
      assertTrue(a.annotations().get(0).meta().occluded());
    }
  }

  @Nested class VocDataset3 extends VocContract {
    @Override protected Path sample() { return SharedFixtures.datumaro("voc_dataset/voc_dataset3"); }
    @Override protected long expectedItems() { return 1; }
    @Override protected long expectedAnnotations() { return 1; }

    @Test void commentLinesInSubsetListsAreSkipped() throws IOException {
      assertEquals(List.of("train"), plan(sample()).schema().subsets());
      assertEquals("train", readAll(sample()).get(0).subset());
    }
  }

  @Nested class Roboflow extends VocContract {
    @Override protected Path sample() { return SharedFixtures.datumaro("roboflow_dataset/voc"); }
    @Override protected long expectedItems() { return 3; }
    @Override protected long expectedAnnotations() { return 4; }

    /** The flat layout is written back as the standard one: images move to JPEGImages/. */
    @Override protected Item afterRoundTrip(Item original, LossReport loss) {
      MediaRef m = original.primaryMedia();
      return original.withMedia(List.of(m.withPath("JPEGImages/" + m.path().substring(m.path().lastIndexOf('/') + 1))));
    }

    @Test void subsetsComeFromFolders() throws IOException {
      List<Item> items = readAll(sample());
      assertEquals(List.of("train", "train", "val"), items.stream().map(Item::subset).toList());
      assertEquals(MediaRef.image("train/train_001.jpg", 10, 5), items.get(0).primaryMedia());
      Box b = (Box) items.get(0).annotations().get(0);
      assertEquals(List.of(2.0, 1.0, 3.0, 1.0), List.of(b.x(), b.y(), b.width(), b.height()));
    }
  }

  @Test void polygonsBecomeBoxesAndTheReportSaysSo(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    var meta = org.trainset.core.model.AnnotationMeta.of("cat");
    List<Annotation> anns = new ArrayList<>(List.of(
        new org.trainset.core.model.Polygon(meta, new double[] {1, 1, 5, 2, 3, 7}),
        new org.trainset.core.model.Polyline(meta, new double[] {0, 0, 1, 1}),
        new Box(meta.withAttributes(Map.of("colour", List.of("red"))), 0, 0, 2, 2)));
    Item item = new Item("x", "train", List.of(MediaRef.image("x.jpg", 10, 10)), Map.of(), anns);
    LossReport loss = LossReport.lenient();
    try (var sink = new VocFormat().writer().orElseThrow().open(dir.resolve("out"),
        org.trainset.core.model.DatasetSchema.empty(), org.trainset.core.spi.WriteOptions.defaults(), loss)) {
      sink.accept(item);
      sink.commit();
    }
    assertEquals(Map.of("polygon (-> box)", 1L), loss.changedCounts());
    assertEquals(Map.of("polyline", 1L, "attribute 'colour' (list value)", 1L), loss.droppedCounts());
    var plan = new VocFormat().reader().orElseThrow().plan(dir.resolve("out"), org.trainset.core.spi.ReadOptions.defaults());
    Item back = org.trainset.core.Datasets.readAll(plan, org.trainset.core.spi.ReadOptions.defaults()).get(0);
    Box fromPolygon = (Box) back.annotations().get(0);
    assertEquals(List.of(1.0, 1.0, 4.0, 6.0), List.of(fromPolygon.x(), fromPolygon.y(), fromPolygon.width(), fromPolygon.height()));
    assertEquals(2, back.annotations().size());
  }

  @Test void copiedMediaLandInJpegImages(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Path src = SharedFixtures.datumaro("voc_dataset/voc_dataset1");
    LossReport loss = LossReport.lenient();
    var options = org.trainset.core.spi.ReadOptions.defaults();
    var plan = new VocFormat().reader().orElseThrow().plan(src, options);
    try (var sink = new VocFormat().writer().orElseThrow().open(dir.resolve("out"), plan.schema(),
        new org.trainset.core.spi.WriteOptions(src, true), loss)) {
      for (Item i : org.trainset.core.Datasets.readAll(plan, options)) sink.accept(i);
      sink.commit();
    }
    assertEquals(Map.of("mask (-> box)", 1L), loss.changedCounts(), "the segmentation instance; nothing else changes");
    assertTrue(loss.droppedCounts().isEmpty(), loss.describe());
    assertEquals(Files.size(src.resolve("JPEGImages/2007_000002.jpg")), Files.size(dir.resolve("out/JPEGImages/2007_000002.jpg")));
    assertEquals(List.of("2007_000001"), Files.readAllLines(dir.resolve("out/ImageSets/Main/train.txt")));
    String labelmap = Files.readString(dir.resolve("out/labelmap.txt"));
    assertTrue(labelmap.contains("person::head:other,jumping,phoning"), labelmap);
  }

  @Test void doctypeIsRefusedWithFileAndLine(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Path ann = Files.createDirectories(dir.resolve("Annotations"));
    Files.writeString(ann.resolve("evil.xml"), "<?xml version=\"1.0\"?>\n<!DOCTYPE annotation [\n"
        + "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<annotation><filename>&xxe;</filename></annotation>\n");
    assertEquals("voc", FormatContract_REGISTRY.detect(dir).id(), "detected so that the reader can refuse it");
    InputException e = assertThrows(InputException.class, () -> readAll(dir));
    assertTrue(e.getMessage().contains("evil.xml") && e.getMessage().contains("DOCTYPE"), e.getMessage());
    assertTrue(e.line() > 0, e.getMessage());
    assertFalse(e.getMessage().contains("root:"), "nothing of /etc/passwd leaks: " + e.getMessage());
  }

  @Test void malformedXmlNamesFileAndPosition(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Path ann = Files.createDirectories(dir.resolve("Annotations"));
    Files.writeString(ann.resolve("bad.xml"), "<annotation>\n  <object><name>cat</name>\n  <bndbox><xmin>1</xmin>\n</annotation>\n");
    InputException e = assertThrows(InputException.class, () -> readAll(dir));
    assertTrue(e.getMessage().contains("bad.xml"), e.getMessage());
    assertTrue(e.line() >= 3, e.getMessage());
  }

  @Test void aNonNumericCoordinateIsAnInputError(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Path ann = Files.createDirectories(dir.resolve("Annotations"));
    Files.writeString(ann.resolve("n.xml"), "<annotation>\n<object><name>cat</name>\n<bndbox><xmin>NaN</xmin>"
        + "<ymin>1</ymin><xmax>2</xmax><ymax>3</ymax></bndbox></object></annotation>\n");
    InputException e = assertThrows(InputException.class, () -> readAll(dir));
    assertTrue(e.getMessage().contains("n.xml:3") && e.getMessage().contains("voc-number"), e.getMessage());
  }

  @Test void aPlainImageFolderIsNotVoc(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Files.copy(SharedFixtures.datumaro("voc_dataset/voc_dataset1/JPEGImages/2007_000001.jpg"), dir.resolve("a.jpg"));
    assertEquals(0.0, new VocFormat().detector().detect(dir));
    // CVAT's root is <annotations>: not VOC
    Files.writeString(dir.resolve("annotations.xml"), "<?xml version=\"1.0\"?>\n<annotations><version>1.1</version></annotations>\n");
    assertEquals(0.0, new VocFormat().detector().detect(dir));
  }

  private static final org.trainset.core.FormatRegistry FormatContract_REGISTRY = org.trainset.core.FormatRegistry.load();

  private static List<Item> readAll(Path root) throws IOException {
    var options = org.trainset.core.spi.ReadOptions.defaults();
    return org.trainset.core.Datasets.readAll(new VocFormat().reader().orElseThrow().plan(root, options), options);
  }
}
