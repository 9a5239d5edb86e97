package org.trainset.cli.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;

/** `trainset sample aihub.xray`, conversion to VOC and COCO, review crops, malformed VOC. */
class XrayCliTest {
  @TempDir Path dir;

  private Path sample(int items) throws IOException {
    Path in = dir.resolve("xray");
    Cli.Result r = Cli.run("sample", "aihub.xray", "--out", in.toString(), "--items", Integer.toString(items), "--seed", "3");
    assertEquals(0, r.exitCode(), r.toString());
    return in;
  }

  @Test
  void convertToVocKeepsTheBoxesAndToCocoKeepsTheIdGaps() throws IOException {
    Path in = sample(6);
    assertTrue(Cli.run("detect", in.toString()).out().contains("aihub.xray"));
    Path voc = dir.resolve("voc");
    Cli.Result r = Cli.run("convert", in.toString(), "--to", "aihub.xray.voc", "--out", voc.toString(), "--json");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals(6, json.get("items").asInt());
    try (Stream<Path> s = Files.walk(voc.resolve("Annotations"))) {
      assertEquals(6, s.filter(p -> p.toString().endsWith(".xml")).count());
    }
    Cli.Result stats = Cli.run("stats", voc.toString(), "--json");
    assertEquals(0, stats.exitCode(), stats.toString());
    JsonNode byType = new ObjectMapper().readTree(stats.out()).get("byType");
    Cli.Result source = Cli.run("stats", in.toString(), "--json");
    assertEquals(new ObjectMapper().readTree(source.out()).get("byType").get("polygon").asInt(), byType.get("box").asInt(),
        "one VOC box per object: " + stats.out());
    assertEquals(1, byType.size(), "boxes only");
    assertTrue(json.get("dropped").toString().contains("polygon"), r.out());
    Path coco = dir.resolve("coco");
    assertEquals(0, Cli.run("convert", in.toString(), "--to", "coco", "--out", coco.toString()).exitCode());
    try (Stream<Path> s = Files.walk(coco)) {
      Path json2 = s.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
      String text = Files.readString(json2);
      assertTrue(text.contains("\"PrtableGas\"") && text.contains("\"id\":41") && !text.contains("\"id\":40,\"name\""), text.substring(0, 200));
    }
  }

  @Test
  void cropsVerbWritesOneThumbnailPerObject() throws IOException {
    Path in = sample(6);
    Path out = dir.resolve("crops");
    Cli.Result r = Cli.run("crops", in.toString(), "--out", out.toString(), "--json");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode json = new ObjectMapper().readTree(r.out());
    Cli.Result stats = Cli.run("stats", in.toString(), "--json");
    long boxes = new ObjectMapper().readTree(stats.out()).get("byType").get("box").asLong();
    assertEquals(boxes, json.get("crops").asLong());
    BufferedImage knife = ImageIO.read(out.resolve("Knife/Astrophysics_Knife_Single_Default_A_Knife_000001_1.png").toFile());
    assertEquals(170, knife.getWidth());
    assertEquals(12, knife.getHeight());
  }

  @Test
  void brokenVocIsExit3NamingFileAndLineWithNoOutput() throws IOException {
    Path in = sample(2);
    Path xml = in.resolve("Rapiscan/Lighter/Single_Default/R_Lighter_000002.xml");
    Files.writeString(xml, Files.readString(xml).replace("</bndbox>", "</bndbx>"));
    Path out = dir.resolve("out");
    Cli.Result r = FamilyCli.convertRefused(in, "aihub.xray.voc", out);
    assertTrue(r.err().matches("(?s).*R_Lighter_000002\\.xml:\\d+.*"), r.err());
    Cli.Result crops = Cli.run("crops", in.toString(), "--out", out.toString());
    assertEquals(3, crops.exitCode(), crops.toString());
    assertFalse(Files.exists(out));
  }
}
