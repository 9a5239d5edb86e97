package org.trainset.cli.realfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;
import org.trainset.testkit.SharedFixtures;

/** Issue 16 item 6: {@code convert} counts what the output holds; the loss report explains the rest. */
class ConvertCountsWrittenCliTest {
  private static final ObjectMapper M = new ObjectMapper();
  @TempDir Path tmp;

  @Test void cvatJobWhoseImagesAreMissingWritesNoYoloItems() throws Exception {
    // A real CVAT job export; its four page images are not beside it.
    Path xml = SharedFixtures.external("docling-eval/tests/data/cvat_pdfs_dataset_e2e/case_01_annotations.xml");
    Path out = tmp.resolve("yolo");
    Cli.Result r = Cli.run("convert", xml.toString(), "--to", "yolo", "--out", out.toString(), "--json");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode j = M.readTree(r.out());
    assertEquals(4, j.get("itemsRead").asInt(), r.out());
    assertEquals(182, j.get("annotationsRead").asInt(), r.out());
    assertEquals(0, j.get("items").asInt(), r.out());
    assertEquals(0, j.get("annotations").asInt(), r.out());
    assertEquals(4, j.get("dropped").get("image file (not found)").asInt(), r.out());
    Cli.Result stats = Cli.run("stats", out.toString(), "--json");
    assertEquals(0, M.readTree(stats.out()).get("items").asInt(), stats.toString());

    Cli.Result text = Cli.run("convert", xml.toString(), "--to", "yolo", "--out", tmp.resolve("yolo2").toString());
    assertTrue(text.out().startsWith("converted 0 items, 0 annotations"), text.out());
    assertTrue(text.out().contains("read 4 items, 182 annotations"), text.out());
  }

  @Test void cocoMasksThatYoloCannotHoldAreNotCounted() throws Exception {
    Path coco = SharedFixtures.datumaro("coco_dataset/coco");
    Path out = tmp.resolve("yolo");
    Cli.Result r = Cli.run("convert", coco.toString(), "--to", "yolo", "--out", out.toString(), "--json");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode j = M.readTree(r.out());
    Cli.Result stats = Cli.run("stats", out.toString(), "--json");
    JsonNode back = M.readTree(stats.out());
    assertEquals(back.get("items").asInt(), j.get("items").asInt(), r.out());
    assertEquals(back.get("annotations").asInt(), j.get("annotations").asInt(), r.out());
    assertEquals(22, j.get("annotationsRead").asInt(), r.out());
    assertTrue(j.get("annotations").asInt() < 22, r.out());
    assertTrue(j.get("dropped").get("mask").asInt() > 0, r.out());
  }

  @Test void aLosslessConversionCountsTheSameBothWays() throws Exception {
    Path out = tmp.resolve("native");
    Cli.Result r = Cli.run("convert", SharedFixtures.datumaro("coco_dataset/coco").toString(), "--to", "trainset",
        "--out", out.toString(), "--json");
    JsonNode j = M.readTree(r.out());
    assertEquals(j.get("itemsRead"), j.get("items"));
    assertEquals(22, j.get("annotations").asInt(), "with the stuff masks and panoptic segments");
    assertTrue(Files.isDirectory(out));
  }
}
