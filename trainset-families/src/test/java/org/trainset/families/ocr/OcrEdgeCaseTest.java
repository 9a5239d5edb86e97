package org.trainset.families.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.core.Datasets;
import org.trainset.core.FormatRegistry;
import org.trainset.core.convert.Conversion;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Box;
import org.trainset.core.model.Item;
import org.trainset.core.progress.Progress;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.issue.Issue;
import org.trainset.core.spi.ReadOptions;

/** Hand-written info files for the edge cases, and the two training exports. */
class OcrEdgeCaseTest {
  static final FormatRegistry REGISTRY = FormatRegistry.load();
  @TempDir Path dir;

  static final String HEAD = "{\"info\": {\"name\": \"Text in the wild\", \"date_created\": \"2019-12-01\"},\n \"images\": [\n";

  private List<Item> read(Path root, ReadOptions o) throws IOException {
    return Datasets.readAll(Datasets.plan(REGISTRY.require("aihub.ocr"), root, o), o);
  }

  @Test
  void ignoredRegionsWithNullTextAndIdGapsAreKept() throws IOException {
    Files.writeString(dir.resolve("textinthewild_data_info.json"), HEAD
        + "  {\"id\": \"00000003\", \"width\": 100, \"height\": 50, \"file_name\": \"00000003.jpg\", \"type\": \"book\"},\n"
        + "  {\"id\": \"00000010\", \"width\": 100, \"height\": 50, \"file_name\": \"00000010.jpg\", \"type\": \"sign\"}],\n"
        + " \"annotations\": [\n"
        + "  {\"id\": 7, \"image_id\": \"00000003\", \"text\": \"책\", \"attributes\": {\"class\": \"character\"}, \"bbox\": [1, 2, 10, 12]},\n"
        + "  {\"id\": 9, \"image_id\": \"00000003\", \"text\": null, \"attributes\": {\"class\": \"ignored\"}, \"bbox\": [20, 2, 30, 8]}],\n"
        + " \"licenses\": []}\n", StandardCharsets.UTF_8);
    assertEquals("aihub.ocr", REGISTRY.detect(dir).id());
    List<Item> items = read(dir, ReadOptions.defaults());
    assertEquals(List.of("00000003", "00000010"), items.stream().map(Item::id).toList());
    Box ignored = (Box) items.get(0).annotations().get(1);
    assertEquals("ignored", ignored.label());
    assertEquals("9", ignored.meta().id());
    assertNull(ignored.meta().attributes().get("text"));
    assertEquals("책", items.get(0).annotations().get(0).meta().attributes().get("text"));
    assertEquals("book", items.get(0).attributes().get("type"));
    assertTrue(items.get(1).annotations().isEmpty());
  }

  @Test
  void annotationsOutOfImageOrderAreStillGroupedAndDanglingOnesReported() throws IOException {
    Files.writeString(dir.resolve("textinthewild_data_info.json"), HEAD
        + "  {\"id\": \"00000001\", \"file_name\": \"a.jpg\"}, {\"id\": \"00000002\", \"file_name\": \"b.jpg\"}],\n"
        + " \"annotations\": [\n"
        + "  {\"id\": 1, \"image_id\": \"00000002\", \"text\": \"가\", \"attributes\": {\"class\": \"character\"}, \"bbox\": [0, 0, 5, 5]},\n"
        + "  {\"id\": 2, \"image_id\": \"00000001\", \"text\": \"나\", \"attributes\": {\"class\": \"character\"}, \"bbox\": [0, 0, 5, 5]},\n"
        + "  {\"id\": 3, \"image_id\": \"00000099\", \"text\": \"다\", \"attributes\": {\"class\": \"character\"}, \"bbox\": [0, 0, 5, 5]},\n"
        + "  {\"id\": 4, \"image_id\": \"00000002\", \"text\": \"라\", \"attributes\": {\"class\": \"character\"}, \"bbox\": [0, 0, 5, 5]}]}\n",
        StandardCharsets.UTF_8);
    List<Issue> problems = new ArrayList<>();
    List<Item> items = read(dir, ReadOptions.defaults().withProblems(problems::add));
    assertEquals(List.of("2"), items.get(0).annotations().stream().map(a -> a.meta().id()).toList());
    assertEquals(List.of("1", "4"), items.get(1).annotations().stream().map(a -> a.meta().id()).toList());
    assertEquals(1, problems.size());
    assertEquals("dangling-image", problems.get(0).rule());
    assertEquals(7, problems.get(0).line());
    InputException e = assertThrows(InputException.class, () -> read(dir, ReadOptions.defaults()));
    assertTrue(e.getMessage().contains("textinthewild_data_info.json:7"), e.getMessage());
  }

  @Test
  void badBboxNamesFileLineAndColumn() throws IOException {
    Files.writeString(dir.resolve("textinthewild_data_info.json"), HEAD
        + "  {\"id\": \"00000001\", \"file_name\": \"a.jpg\"}],\n \"annotations\": [\n"
        + "  {\"id\": 1, \"image_id\": \"00000001\", \"text\": \"가\", \"attributes\": {\"class\": \"word\"}, \"bbox\": [0, 0, 5]}]}\n",
        StandardCharsets.UTF_8);
    InputException e = assertThrows(InputException.class, () -> read(dir, ReadOptions.defaults()));
    assertEquals("ocr-bbox", e.rule());
    assertEquals(5, e.line());
    assertEquals(3, e.column());
  }

  @Test
  void exportsRecognitionCropsAndIcdarDetectionBoxes() throws IOException {
    Path src = dir.resolve("src");
    new OcrSampleGenerator().generate(src, new SampleOptions(4, 2, false));
    List<Item> items = read(src, ReadOptions.defaults());
    Path rec = dir.resolve("rec");
    var r = Conversion.run(REGISTRY.require("aihub.ocr"), src, REGISTRY.require("aihub.ocr.recognition"), rec,
        ReadOptions.defaults(), false, Progress.NONE);
    List<String> gt = Files.readAllLines(rec.resolve("gt.txt"));
    long transcribed = items.stream().flatMap(i -> i.annotations().stream())
        .filter(a -> !(a instanceof Box b) || b.meta().attributes().get("text") != null).count();
    assertEquals(transcribed, gt.size());
    long ignored = items.stream().flatMap(i -> i.annotations().stream()).filter(a -> a.label().equals("ignored")).count();
    assertEquals(ignored, r.loss().droppedCounts().getOrDefault("box (region without text (ignored))", 0L));
    String[] first = gt.get(gt.size() - 1).split("\t");
    BufferedImage crop = ImageIO.read(rec.resolve(first[0]).toFile());
    assertTrue(crop.getWidth() > 0 && crop.getHeight() > 0);
    Path det = dir.resolve("det");
    Conversion.run(REGISTRY.require("aihub.ocr"), src, REGISTRY.require("aihub.ocr.detection"), det,
        ReadOptions.defaults(), false, Progress.NONE);
    Item photo = items.stream().filter(i -> i.id().equals("00000001")).findFirst().orElseThrow();
    List<String> lines = Files.readAllLines(det.resolve("gt/gt_00000001.txt"));
    assertEquals(photo.annotations().size(), lines.size());
    Box b = (Box) photo.annotations().get(0);
    long x1 = Math.round(b.x());
    long y1 = Math.round(b.y());
    assertTrue(lines.get(0).startsWith(x1 + "," + y1 + "," + Math.round(b.x2()) + "," + y1 + ","), lines.get(0));
    assertTrue(lines.get(0).endsWith("," + b.meta().attributes().get("text")), lines.get(0));
    assertTrue(lines.stream().filter(l -> l.endsWith(",###")).count()
        == photo.annotations().stream().filter(a -> a.label().equals("ignored")).count());
    assertTrue(Files.isRegularFile(det.resolve("images/00000001.jpg")));
  }
}
