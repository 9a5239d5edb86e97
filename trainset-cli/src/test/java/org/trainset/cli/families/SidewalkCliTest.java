package org.trainset.cli.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;

/** `trainset sample aihub.sidewalk`, validation findings, conversion to CVAT, malformed XML and CSV. */
class SidewalkCliTest {
  @TempDir Path dir;

  @Test
  void sampleDetectValidateAndConvertToCvat() throws IOException {
    Path in = dir.resolve("sw");
    Cli.Result r = Cli.run("sample", "aihub.sidewalk", "--out", in.toString(), "--items", "9", "--seed", "2", "--json", "--defects");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals(9, json.get("items").asInt());
    assertTrue(json.get("defects").toString().contains("mask-colour-unknown"), r.out());
    Cli.Result detect = Cli.run("detect", in.toString());
    assertTrue(detect.out().startsWith("aihub.sidewalk") || detect.out().contains("aihub.sidewalk"), detect.toString());
    Cli.Result inspect = Cli.run("inspect", in.toString(), "--rules", "aihub.sidewalk", "--json", "--max-shown", "1000");
    assertEquals(1, inspect.exitCode(), inspect.toString());
    assertTrue(inspect.out().contains("sidewalk.mask-colours") && inspect.out().contains("#7f7f00"), inspect.out());
    Path out = dir.resolve("cvat");
    Cli.Result conv = Cli.run("convert", in.resolve("Polygon_0001").toString(), "--to", "cvat", "--out", out.toString());
    assertEquals(0, conv.exitCode(), conv.toString());
    String xml = Files.readString(out.resolve("annotations.xml"));
    assertTrue(xml.contains("<polygon") && xml.contains("MP_SEL_000002.jpg"), xml);
    Path all = dir.resolve("all");
    Cli.Result whole = Cli.run("convert", in.toString(), "--to", "cvat", "--out", all.toString(), "--json");
    assertEquals(0, whole.exitCode(), whole.toString());
    JsonNode loss = new ObjectMapper().readTree(whole.out());
    assertTrue(loss.get("dropped").toString().contains("media file (beyond an item's first)"), "depth sets keep one file: " + loss);
    assertTrue(Files.readString(all.resolve("annotations.xml")).contains("<mask "), "surface masks are CVAT masks");
  }

  @Test
  void brokenXmlIsExit3NamingFileAndLineWithNoOutput() throws IOException {
    Path in = dir.resolve("sw");
    assertEquals(0, Cli.run("sample", "aihub.sidewalk", "--out", in.toString(), "--items", "3").exitCode());
    Path xml = in.resolve("Bbox_0001/Bbox_0001.xml");
    Files.writeString(xml, Files.readString(xml).replaceFirst("<box ", "<box xtl=\"oops\" "));
    Path out = dir.resolve("out");
    Cli.Result r = FamilyCli.convertRefused(in, "trainset", out);
    assertTrue(r.err().matches("(?s).*Bbox_0001\\.xml:\\d+.*"), r.err());
  }
}
