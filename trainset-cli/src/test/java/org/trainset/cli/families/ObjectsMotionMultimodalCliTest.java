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

/** `trainset sample` for objects, motion and multimodal, detection, conversion, and malformed files. */
class ObjectsMotionMultimodalCliTest {
  @TempDir Path dir;

  @Test
  void objectsSampleDetectStatsAndConvertBack() throws IOException {
    Path in = dir.resolve("objects");
    JsonNode s = FamilyCli.sample("aihub.objects", in, "--seed=5", "--items", "6", "--defects");
    assertEquals(3, s.get("defects").size());
    Cli.Result detect = Cli.run("detect", in.toString());
    assertTrue(detect.out().contains("aihub.objects"), detect.toString());
    Cli.Result stats = Cli.run("stats", in.toString(), "--json");
    assertEquals(0, stats.exitCode(), stats.toString());
    assertEquals(6, new ObjectMapper().readTree(stats.out()).get("items").asInt(), stats.out());
    Path out = dir.resolve("copy");
    Cli.Result conv = Cli.run("convert", in.toString(), "--to", "aihub.objects", "--out", out.toString());
    assertEquals(0, conv.exitCode(), conv.toString());
    assertEquals(Files.readString(in.resolve("상품/잡화/PR_000002.json")), Files.readString(out.resolve("상품/잡화/PR_000002.json")));
  }

  @Test
  void malformedObjectsJsonIsExit3WithFileLineAndNoOutput() throws IOException {
    Path in = dir.resolve("objects");
    FamilyCli.sample("aihub.objects", in, "--seed=5", "--items", "3");
    Path doc = in.resolve("랜드마크/타워/LM_000003.json");
    Files.writeString(doc, Files.readString(doc).replaceFirst("\"objects\" : \\[", "\"objects\" : [,"));
    Path out = dir.resolve("out");
    Cli.Result r = FamilyCli.convertRefused(in, "aihub.objects", out);
    assertTrue(r.err().contains("LM_000003.json:"), r.err());
    assertTrue(r.err().contains("json-syntax"), r.err());
  }

  @Test
  void motionSampleIsDetectedAndBadKeypointsNameThePointer() throws IOException {
    Path in = dir.resolve("motion");
    JsonNode s = FamilyCli.sample("aihub.motion", in, "--seed=5", "--items", "8");
    assertEquals(8, s.get("byType").get("points").asInt());
    Cli.Result detect = Cli.run("detect", in.toString());
    assertTrue(detect.out().contains("aihub.motion"), detect.toString());
    Path doc = in.resolve("Annotation/2D/28-8/28-8-001-C2/28-8-001-C2_0001.json");
    Files.writeString(doc, Files.readString(doc).replaceFirst("\"keypoints\" : \\[ [0-9.]+,", "\"keypoints\" : [ \"x\","));
    Path out = dir.resolve("out");
    Cli.Result r = FamilyCli.convertRefused(in, "trainset", out);
    assertTrue(r.err().contains("28-8-001-C2_0001.json") && r.err().contains("/annotations/0/keypoints/0"), r.err());
  }

  @Test
  void multimodalSampleStatsAndTruncatedJson() throws IOException {
    Path in = dir.resolve("mm");
    JsonNode s = FamilyCli.sample("aihub.multimodal", in, "--seed=5", "--items", "3", "--defects");
    assertEquals(1, s.get("defects").size());
    Cli.Result stats = Cli.run("stats", in.toString(), "--json");
    assertEquals(0, stats.exitCode(), stats.toString());
    assertTrue(stats.out().contains("time_event"), stats.out());
    Path doc = in.resolve("S0001_C002/S0001_C002.json");
    byte[] bytes = Files.readAllBytes(doc);
    Files.write(doc, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    Path out = dir.resolve("out");
    Cli.Result r = FamilyCli.convertRefused(in, "trainset", out);
    assertTrue(r.err().contains("S0001_C002.json:"), r.err());
  }
}
