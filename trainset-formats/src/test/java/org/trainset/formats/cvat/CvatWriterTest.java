package org.trainset.formats.cvat;

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

/** Writing datasets that did not come from CVAT: what is kept, what the loss report declares. */
class CvatWriterTest {
  static final Format CVAT = FormatRegistry.load().require("cvat");
  @TempDir Path tmp;

  static DatasetSchema schema() {
    return new DatasetSchema("mixed", Map.of("licence", "CC-BY-4.0"), List.of(
        new LabelDef("person", 1, null, "#ff0000", null,
            List.of(new AttributeSpec("pose", "select", List.of("standing", "sitting"), "standing", false)),
            List.of("nose", "left_eye", "right_eye"), List.of(new int[] {1, 2}, new int[] {1, 3}))), List.of());
  }

  static Item image() {
    AnnotationMeta person = new AnnotationMeta(null, "person", Map.of("pose", "sitting"), 2, 1, true, "manual");
    return new Item("a.jpg", null, List.of(MediaRef.image("images/a.jpg", 64, 48)), Map.of("frame", 0L),
        List.of(
            new Box(person, 1.5, 2.25, 10, 20, 30),
            new Points(person, new double[] {5, 5, 6, 4, 0, 0}, new int[] {2, 1, 0}),
            new Points(AnnotationMeta.of("car"), new double[] {1, 2}, null),
            new Mask(AnnotationMeta.of("car"), 3, 4, 3, 2, new int[] {1, 4, 1}),
            new Tag(AnnotationMeta.of("daytime").withAttributes(Map.of("count", 3L))),
            new Caption(AnnotationMeta.of(""), "a person sitting"),
            new TimeEvent(AnnotationMeta.of("talk"), 1, 2)));
  }

  static Item video() {
    Track t = new Track(new AnnotationMeta("5", "car", Map.of(), null, 0, false, "auto"), List.of(
        new TrackFrame(0, new Box(AnnotationMeta.of("car"), 0, 0, 5, 5), false, true),
        new TrackFrame(4, new Polygon(AnnotationMeta.of("car"), new double[] {0, 0, 4, 0, 4, 4}), true, false)));
    return new Item("clip.mp4", null, List.of(new MediaRef(MediaKind.VIDEO, "clip.mp4", 320, 240, Map.of())),
        Map.of(), List.of(t));
  }

  Path write(List<Item> items, LossReport loss) throws IOException {
    Path out = tmp.resolve("out");
    try (ItemSink sink = CVAT.writer().orElseThrow().open(out, schema(), WriteOptions.defaults(), loss)) {
      for (Item i : items) sink.accept(i);
      sink.commit();
    }
    return out;
  }

  @Test
  void keepsWhatCvatHoldsAndReportsTheRest() throws IOException {
    LossReport loss = LossReport.lenient();
    Path out = write(List.of(image(), video()), loss);
    assertEquals(Map.of("caption (CVAT has no element for it)", 1L, "time event (CVAT has no element for it)", 1L,
        "dataset metadata 'licence'", 1L), loss.droppedCounts());
    assertEquals(Map.of("attribute value (number -> text)", 1L), loss.changedCounts());

    var plan = Datasets.plan(CVAT, out, ReadOptions.defaults());
    LabelDef person = plan.schema().label("person").orElseThrow();
    assertEquals("skeleton", person.type());
    assertEquals(List.of("nose", "left_eye", "right_eye"), person.keypoints());
    assertEquals(2, person.skeleton().size(), "edges survive through the generated svg");
    assertEquals("person", plan.schema().label("left_eye").orElseThrow().parent());
    assertTrue(plan.schema().declares("daytime"), "labels only shapes used are declared too");

    List<Item> back = Datasets.readAll(plan, ReadOptions.defaults());
    assertEquals(2, back.size());
    Item a = back.get(0);
    List<Annotation> expected = image().annotations().subList(0, 5).stream()
        .map(x -> x instanceof Tag ? x.withMeta(x.meta().withAttributes(Map.of("count", "3"))) : x).toList();
    assertEquals(expected, a.annotations());
    assertEquals(video(), back.get(1));
  }

  @Test
  void strictModeFailsAndWritesNothing() {
    assertThrows(StrictLossException.class, () -> write(List.of(image()), LossReport.strict()));
    assertFalse(Files.exists(tmp.resolve("out")));
  }

  @Test
  void pythonElementTreeReadsTheOutput() throws Exception {
    Path out = write(List.of(image(), video()), LossReport.lenient());
    Process p = new ProcessBuilder("/usr/bin/python3", "-c",
        "import sys, xml.etree.ElementTree as ET\n"
            + "r = ET.parse(sys.argv[1]).getroot()\n"
            + "print(len(r.findall('image')), len(r.findall('image/*')), len(r.findall('track')), len(r.findall('track/*')),"
            + " r.find('meta/task/labels/label/name').text)",
        out.resolve("annotations.xml").toString()).redirectErrorStream(true).start();
    String stdout = new String(p.getInputStream().readAllBytes()).strip();
    assertEquals(0, p.waitFor(), stdout);
    assertEquals("1 5 1 2 person", stdout);
  }

  @Test
  void copiesMediaUnderImagesWhenAsked() throws IOException {
    Path src = org.trainset.testkit.SharedFixtures.datumaro("cvat_dataset/for_images/export_task");
    var plan = Datasets.plan(CVAT, src.resolve("train.xml"), ReadOptions.defaults());
    Path out = tmp.resolve("copied");
    try (ItemSink sink = CVAT.writer().orElseThrow().open(out, plan.schema(), new WriteOptions(src, true), LossReport.strict())) {
      for (Item i : Datasets.readAll(plan, ReadOptions.defaults())) sink.accept(i);
      sink.commit();
    }
    assertEquals(Files.size(src.resolve("images/img0.jpg")), Files.size(out.resolve("images/img0.jpg")));
    assertTrue(Files.isRegularFile(out.resolve("images/img1.jpg")));
  }
}
