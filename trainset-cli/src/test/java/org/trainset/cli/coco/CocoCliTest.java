package org.trainset.cli.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;
import org.trainset.testkit.SharedFixtures;

/** COCO through the real entry point: detect, stats, convert both ways, validate, bad input. */
class CocoCliTest {
  private static final ObjectMapper M = new ObjectMapper();
  @TempDir Path tmp;

  private static Path datumaro() {
    return SharedFixtures.datumaro("coco_dataset/coco");
  }

  @Test
  void detectsCocoFoldersAndFilesButNotResults() {
    assertEquals("coco", Cli.run("detect", datumaro().toString()).firstLine());
    assertEquals("coco", Cli.run("detect", SharedFixtures.external("mmdetection/tests/data/coco_sample.json").toString()).firstLine());
    Cli.Result r = Cli.run("detect", SharedFixtures.external("cocoapi/results/instances_val2014_fakebbox100_results.json").toString());
    assertFalse(r.out().startsWith("coco"), r.toString());
  }

  @Test
  void statsJsonCountsEveryTask() throws Exception {
    Cli.Result r = Cli.run("stats", datumaro().toString(), "--json");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode s = M.readTree(r.out());
    assertEquals("coco", s.get("format").asText());
    assertEquals(2, s.get("items").asInt());
    assertEquals(22, s.get("annotations").asInt(), "17 + 2 stuff masks + 3 panoptic segments");
    assertEquals(4, s.get("byType").get("box").asInt());
    assertEquals(7, s.get("byType").get("mask").asInt());
  }

  @Test
  void convertsToNativeAndBackWithALossReport() throws Exception {
    Path nativeOut = tmp.resolve("native");
    Cli.Result r = Cli.run("convert", datumaro().toString(), "--to", "trainset", "--out", nativeOut.toString(), "--json");
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(22, M.readTree(r.out()).get("annotations").asInt());
    Path back = tmp.resolve("coco");
    Cli.Result r2 = Cli.run("convert", nativeOut.toString(), "--to", "coco", "--out", back.toString(), "--json");
    assertEquals(0, r2.exitCode(), r2.toString());
    JsonNode report = M.readTree(r2.out());
    assertEquals(0, report.get("dropped").size(), r2.out());
    for (String f : new String[] {"instances_train", "instances_val", "person_keypoints_val", "labels_train", "captions_val"}) {
      assertTrue(Files.exists(back.resolve("annotations/" + f + ".json")), f);
    }
    Cli.Result stats = Cli.run("stats", back.toString(), "--json");
    assertEquals(22, M.readTree(stats.out()).get("annotations").asInt(), stats.toString());
  }

  private Path withDanglingReference() throws Exception {
    Path f = tmp.resolve("instances_train.json");
    Files.writeString(f, "{\"images\": [{\"id\": 1, \"file_name\": \"a.jpg\", \"width\": 4, \"height\": 4}],\n"
        + "\"categories\": [{\"id\": 1, \"name\": \"a\"}],\n\"annotations\": [\n"
        + "{\"id\": 5, \"image_id\": 2, \"category_id\": 1, \"bbox\": [0, 0, 1, 1]},\n"
        + "{\"id\": 6, \"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 1, 1]}]}\n");
    return f;
  }

  @Test
  void validateCollectsDanglingReferences() throws Exception {
    Cli.Result r = Cli.run("validate", withDanglingReference().toString(), "--json", "--no-media-check");
    assertEquals(1, r.exitCode(), r.toString());
    JsonNode v = M.readTree(r.out());
    assertEquals(1, v.get("problems").asInt(), r.out());
    assertTrue(r.out().contains("dangling-image"), r.out());
  }

  @Test
  void danglingReferenceFailsConversionWithExitThreeAndNoOutput() throws Exception {
    Path out = tmp.resolve("out");
    Cli.Result r = Cli.run("convert", withDanglingReference().toString(), "--to", "trainset", "--out", out.toString());
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains("instances_train.json:4") && r.err().contains("dangling-image"), r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void truncatedJsonIsExitThreeWithPositionAndNoOutput() throws Exception {
    String full = Files.readString(datumaro().resolve("annotations/instances_val.json"));
    Path f = Files.writeString(tmp.resolve("instances_val.json"), full.substring(0, full.length() / 2));
    Path out = tmp.resolve("out");
    Cli.Result r = Cli.run("convert", f.toString(), "--from", "coco", "--to", "trainset", "--out", out.toString());
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().matches("(?s).*instances_val\\.json:\\d+:\\d+.*"), r.err());
    assertFalse(Files.exists(out));
    try (var s = Files.list(tmp)) {
      assertFalse(s.anyMatch(p -> p.getFileName().toString().contains("staging")), "no staging left");
    }
  }

  @Test
  void negativeImageSizeIsExitThree() throws Exception {
    Path f = Files.writeString(tmp.resolve("instances_x.json"),
        "{\"images\": [{\"id\": 1, \"file_name\": \"a.jpg\", \"width\": -4, \"height\": 4}], \"annotations\": []}");
    Path out = tmp.resolve("out");
    Cli.Result r = Cli.run("convert", f.toString(), "--to", "trainset", "--out", out.toString());
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains("bad-size") && r.err().contains("instances_x.json:1"), r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void aFailedConversionLeavesEarlierOutputIntact() throws Exception {
    Path out = tmp.resolve("out");
    assertEquals(0, Cli.run("convert", datumaro().toString(), "--to", "coco", "--out", out.toString()).exitCode());
    byte[] before = Files.readAllBytes(out.resolve("annotations/instances_val.json"));
    Cli.Result r = Cli.run("convert", withDanglingReference().toString(), "--to", "coco", "--out", out.toString());
    assertEquals(3, r.exitCode(), r.toString());
    assertEquals(new String(before), Files.readString(out.resolve("annotations/instances_val.json")));
  }
}
