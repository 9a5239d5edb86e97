package org.trainset.cli.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;

/** Motion published as COCO keypoints through the coco writer. */
class MotionCocoCliTest {
  @TempDir Path dir;

  @Test
  void motionExportsToCocoKeypoints() throws IOException {
    Path in = dir.resolve("motion");
    assertEquals(0, Cli.run("sample", "aihub.motion", "--out", in.toString(), "--items", "8", "--seed", "1").exitCode());
    Path out = dir.resolve("coco");
    Cli.Result r = Cli.run("convert", in.toString(), "--to", "coco", "--out", out.toString(), "--json");
    assertEquals(0, r.exitCode(), r.toString());
    Path json;
    try (Stream<Path> s = Files.walk(out)) {
      json = s.filter(p -> p.getFileName().toString().startsWith("person_keypoints")).findFirst().orElseThrow();
    }
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    JsonNode person = root.get("categories").get(0);
    assertEquals("person", person.get("name").asText());
    assertEquals(24, person.get("keypoints").size());
    assertEquals("pelvis", person.get("keypoints").get(0).asText());
    assertEquals(23, person.get("skeleton").size());
    assertEquals(8, root.get("images").size());
    JsonNode kp = null;
    for (JsonNode a : root.get("annotations")) if (a.has("keypoints")) kp = a;
    assertTrue(kp != null, "keypoint annotations written");
    assertEquals(72, kp.get("keypoints").size());
    int labelled = 0;
    for (int j = 0; j < 24; j++) if (kp.get("keypoints").get(3 * j + 2).asInt() > 0) labelled++;
    assertEquals(labelled, kp.get("num_keypoints").asInt());
    Cli.Result back = Cli.run("stats", out.toString(), "--json");
    assertEquals(0, back.exitCode(), back.toString());
    assertEquals(8, new ObjectMapper().readTree(back.out()).get("byType").get("points").asInt(), back.out());
  }
}
