package org.trainset.cli.vocyolo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;
import org.trainset.testkit.SharedFixtures;

/** VOC and YOLO through the real CLI: detection, stats, conversion with its loss report, bad input. */
class VocYoloCliTest {
  @TempDir Path tmp;

  static Path yolo(String name) {
    return SharedFixtures.external("cvat-ai-datumaro/tests/assets/yolo_dataset/" + name);
  }

  private Path copy(Path src, String name) throws IOException {
    Path dst = tmp.resolve(name);
    try (Stream<Path> s = Files.walk(src)) {
      for (Path p : s.toList()) {
        Path t = dst.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(t);
        else Files.copy(p, t);
      }
    }
    return dst;
  }

  @Test void detectNamesVocAndYolo() {
    Cli.Result voc = Cli.run("detect", SharedFixtures.datumaro("voc_dataset/voc_dataset2").toString());
    assertEquals(0, voc.exitCode(), voc.toString());
    assertEquals("voc", voc.firstLine());
    Cli.Result pose = Cli.run("detect", yolo("yolov8_pose").toString());
    assertEquals("yolo", pose.firstLine(), pose.toString());
    Cli.Result darknet = Cli.run("detect", SharedFixtures.datumaro("yolo_dataset/strict").toString());
    assertEquals("yolo", darknet.firstLine(), darknet.toString());
  }

  @Test void statsCountsVocBoxesAndSegmentationMasks() {
    Cli.Result r = Cli.run("stats", SharedFixtures.datumaro("voc_dataset/voc_dataset1").toString(), "--json");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().contains("\"format\":\"voc\"") || r.out().contains("\"format\" : \"voc\""), r.out());
    assertTrue(r.out().replace(" ", "").contains("\"byType\":{\"box\":3,\"mask\":1}"), r.out());
  }

  @Test void polygonsToVocAreReportedAsBoxes() {
    Path out = tmp.resolve("voc-out");
    Cli.Result r = Cli.run("convert", yolo("yolov8_segmentation").toString(), "--to", "voc", "--out", out.toString());
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().contains("approximated 2 × polygon (-> box)"), r.out());
    Cli.Result stats = Cli.run("stats", out.toString(), "--json");
    assertEquals(0, stats.exitCode(), stats.toString());
    assertTrue(stats.out().replace(" ", "").contains("\"byType\":{\"box\":2}"), stats.out());
  }

  @Test void strictConversionFailsAndWritesNothing() {
    Path out = tmp.resolve("strict-out");
    Cli.Result r = Cli.run("convert", yolo("yolov8_segmentation").toString(), "--to", "voc", "--out", out.toString(), "--strict");
    assertEquals(1, r.exitCode(), r.toString());
    assertTrue(r.err().contains("would approximate polygon (-> box)"), r.err());
    assertFalse(Files.exists(out), "nothing written");
    assertTrue(noStagingLeft(), "no staging folder left behind");
  }

  @Test void vocToYoloCopiesImagesAndReportsDroppedAttributes() {
    Path out = tmp.resolve("yolo-out");
    Cli.Result r = Cli.run("convert", SharedFixtures.datumaro("voc_dataset/voc_dataset1").toString(),
        "--to", "yolo", "--out", out.toString(), "--json");
    assertEquals(0, r.exitCode(), r.toString());
    String json = r.out().replace(" ", "");
    assertTrue(json.contains("\"attribute'difficult'onbox\":2"), json);
    assertTrue(json.contains("\"attribute'phoning'onbox\":1"), json);
    assertTrue(Files.isRegularFile(out.resolve("images/train/2007_000001.jpg")));
    Cli.Result stats = Cli.run("stats", out.toString(), "--json");
    assertEquals(0, stats.exitCode(), stats.toString());
    assertTrue(stats.out().replace(" ", "").contains("\"byType\":{\"box\":3}"), stats.out());
  }

  @Test void doctypeInVocIsExitThreeAndLeavesEarlierOutputIntact() throws IOException {
    Path ds = copy(SharedFixtures.datumaro("voc_dataset/voc_dataset3"), "evil");
    Files.writeString(ds.resolve("Annotations/2007_000001.xml"), "<?xml version=\"1.0\"?>\n"
        + "<!DOCTYPE a [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>\n<annotation>&lol2;</annotation>\n");
    Path out = Files.createDirectories(tmp.resolve("earlier"));
    Files.writeString(out.resolve("keep.txt"), "earlier run");
    Cli.Result r = Cli.run("convert", ds.toString(), "--from", "voc", "--to", "yolo", "--out", out.toString());
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains("2007_000001.xml") && r.err().contains("DOCTYPE"), r.err());
    assertEquals("earlier run", Files.readString(out.resolve("keep.txt")));
    assertTrue(noStagingLeft());
  }

  @Test void badYoloLinesAreExitThreeWithFileAndLine() throws IOException {
    Path ds = copy(yolo("yolov8_detection"), "bad-count");
    Files.writeString(ds.resolve("labels/train/1.txt"), "2 0.1 0.2 0.3 0.4\n4 0.1 0.2\n");
    Path out = tmp.resolve("o1");
    Cli.Result r = Cli.run("convert", ds.toString(), "--to", "voc", "--out", out.toString());
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains("1.txt:2") && r.err().contains("yolo-values"), r.err());
    assertFalse(Files.exists(out));

    Path ds2 = copy(yolo("yolov8_detection"), "bad-class");
    Files.writeString(ds2.resolve("labels/train/1.txt"), "12 0.1 0.2 0.3 0.4\n");
    Cli.Result r2 = Cli.run("convert", ds2.toString(), "--to", "voc", "--out", out.toString());
    assertEquals(3, r2.exitCode(), r2.toString());
    assertTrue(r2.err().contains("1.txt:1") && r2.err().contains("out of range"), r2.err());
    assertFalse(Files.exists(out));
  }

  @Test void malformedVocIsExitThree() throws IOException {
    Path ds = copy(SharedFixtures.datumaro("voc_dataset/voc_dataset3"), "broken");
    Files.writeString(ds.resolve("Annotations/2007_000001.xml"), "<annotation>\n<object>\n</annotation>\n");
    Path out = tmp.resolve("o2");
    Cli.Result r = Cli.run("convert", ds.toString(), "--to", "yolo", "--out", out.toString());
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains("2007_000001.xml:3"), r.err());
    assertFalse(Files.exists(out));
  }

  private boolean noStagingLeft() {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.noneMatch(p -> p.getFileName().toString().contains(".staging-"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
