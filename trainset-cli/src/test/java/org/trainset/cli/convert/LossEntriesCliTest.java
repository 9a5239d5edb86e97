package org.trainset.cli.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;
import org.trainset.core.FormatRegistry;
import org.trainset.core.convert.LossReport;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Box;
import org.trainset.core.model.Caption;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.Polygon;
import org.trainset.core.model.Polyline;
import org.trainset.core.model.TextPair;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.WriteOptions;

/**
 * {@code trainset convert --json} reports losses as structured entries (kind, annotation type,
 * field, detail, count, first item, message), one known loss per writer family: the generic
 * formats, the AI Hub families and the DICOM medical writer. The dataset: item {@code a} with a
 * box, a polygon, a polyline and a caption; item {@code b} with a polygon, a polyline and a
 * Korean–English sentence pair.
 */
class LossEntriesCliTest {
  private static final ObjectMapper M = new ObjectMapper();
  @TempDir Path tmp;
  Path dataset;

  @BeforeEach
  void writeDataset() throws Exception {
    Path images = Files.createDirectories(tmp.resolve("src"));
    for (String n : List.of("a", "b")) {
      ImageIO.write(new BufferedImage(100, 50, BufferedImage.TYPE_INT_RGB), "png", images.resolve(n + ".png").toFile());
    }
    dataset = tmp.resolve("native");
    DatasetSchema schema = DatasetSchema.empty().withLabelsAdded(List.of("car", "person", "road", "scene"));
    double[] triangle = {1, 1, 40, 1, 20, 30};
    List<Item> items = List.of(
        new Item("a", "train", List.of(MediaRef.image("a.png", 100, 50)), Map.of(), List.of(
            new Box(AnnotationMeta.of("car"), 10, 10, 20, 20),
            new Polygon(AnnotationMeta.of("person"), triangle),
            new Polyline(AnnotationMeta.of("road"), new double[] {0, 0, 50, 25}),
            new Caption(AnnotationMeta.of("scene"), "a car on a road"))),
        new Item("b", "train", List.of(MediaRef.image("b.png", 100, 50)), Map.of(), List.of(
            new Polygon(AnnotationMeta.of("person"), triangle),
            new Polyline(AnnotationMeta.of("road"), new double[] {0, 0, 50, 25}),
            new TextPair(AnnotationMeta.of(""), "도로 위의 사람", "a person on a road", "ko", "en"))));
    try (ItemSink sink = FormatRegistry.load().require("trainset").writer().orElseThrow()
        .open(dataset, schema, new WriteOptions(images, false), LossReport.strict())) {
      for (Item i : items) sink.accept(i);
      sink.commit();
    }
  }

  @Test void yoloDropsPolylinesAndCaptions() throws Exception {
    JsonNode losses = convert("yolo");
    assertEntry(losses, "dropped", "polyline", null, null, 2, "a");
    assertEntry(losses, "dropped", "caption", null, null, 1, "a");
  }

  @Test void vocApproximatesPolygonsAsBoxes() throws Exception {
    JsonNode losses = convert("voc");
    JsonNode e = assertEntry(losses, "approximated", "polygon", null, "-> box", 2, "a");
    assertEquals("approximated 2 × polygon (-> box), e.g. item 'a'", e.get("message").asText());
    assertEntry(losses, "dropped", "polyline", null, null, 2, "a");
  }

  @Test void cocoDropsPolylines() throws Exception {
    assertEntry(convert("coco"), "dropped", "polyline", null, null, 2, "a");
  }

  @Test void cvatDropsCaptions() throws Exception {
    assertEntry(convert("cvat"), "dropped", "caption", null, "CVAT has no element for it", 1, "a");
  }

  @Test void mediaDropsEveryAnnotation() throws Exception {
    JsonNode losses = convert("media");
    assertEntry(losses, "dropped", "box", null, "media folders hold no annotations", 1, "a");
    assertEntry(losses, "dropped", "polygon", null, "media folders hold no annotations", 2, "a");
  }

  @Test void ocrFamilyDropsPolygons() throws Exception {
    assertEntry(convert("aihub.ocr"), "dropped", "polygon", null, "OCR holds boxes and crop captions", 2, "a");
  }

  @Test void corpusFamilyDropsItemsWithoutASentencePair() throws Exception {
    JsonNode losses = convert("aihub.corpus");
    assertEntry(losses, "dropped", null, "item", "without a sentence pair", 1, "a");
    assertEntry(losses, "dropped", "polyline", null, "a corpus row holds one sentence pair", 2, "a");
  }

  @Test void medicalWriterDropsItemsWithoutModality() throws Exception {
    assertEntry(convert("aihub.medical"), "dropped", null, "item", "without mammography/fundus modality", 2, "a");
  }

  @Test void humanOutputPrintsTheRenderedMessages() {
    Cli.Result r = Cli.run("convert", dataset.toString(), "--to", "voc", "--out", tmp.resolve("voc-h").toString());
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().contains("  dropped 2 × polyline, e.g. item 'a'"), r.out());
    assertTrue(r.out().contains("  approximated 2 × polygon (-> box), e.g. item 'a'"), r.out());
  }

  @Test void strictNamesTheKindTypeAndItem() {
    Cli.Result r = Cli.run("convert", dataset.toString(), "--to", "yolo", "--strict", "--out", tmp.resolve("y").toString());
    assertTrue(r.exitCode() != 0, r.toString());
    assertTrue(r.err().contains("cannot hold polyline (item 'a')"), r.toString());
  }

  private JsonNode convert(String to) throws Exception {
    Cli.Result r = Cli.run("convert", dataset.toString(), "--to", to, "--out", tmp.resolve("out-" + to).toString(), "--json");
    assertEquals(0, r.exitCode(), r.toString());
    return M.readTree(r.out()).get("losses");
  }

  private static JsonNode assertEntry(JsonNode losses, String kind, String type, String field, String detail,
                                      long count, String example) {
    for (JsonNode e : losses) {
      if (e.get("kind").asText().equals(kind) && same(e, "annotationType", type) && same(e, "field", field)
          && (detail == null || same(e, "detail", detail))) {
        assertEquals(count, e.get("count").asLong(), e.toString());
        assertEquals(example, e.path("exampleItem").asText(null), e.toString());
        assertTrue(e.get("message").asText().startsWith(kind + " " + count + " × "), e.toString());
        return e;
      }
    }
    return fail("no " + kind + " " + type + "/" + field + " entry in " + losses);
  }

  private static boolean same(JsonNode e, String key, String want) {
    return want == null ? !e.has(key) : want.equals(e.path(key).asText(null));
  }
}
