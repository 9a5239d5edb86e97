package org.trainset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main job: the bundled street scenes go through detect, stats, validate and convert. */
class DemoTest {
  @TempDir Path tmp;

  @Test
  void demoRunsEveryStepOnTheBundledData() throws Exception {
    Path out = tmp.resolve("demo");
    Cli.Result r = Cli.run("demo", "--out", out.toString(), "--json");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals("coco", j.get("format").asText());
    assertEquals(4, j.get("items").asInt());
    assertEquals(12, j.get("annotations").asInt());
    assertEquals(0, j.get("problems").asInt());
    assertEquals(4, j.get("conversions").size());
    for (JsonNode c : j.get("conversions")) {
      assertEquals(4, c.get("readBackItems").asInt(), c.toString());
      assertEquals(12, c.get("readBackAnnotations").asInt(), c.toString());
      assertTrue(Files.isDirectory(out.resolve("converted").resolve(c.get("to").asText())), c.toString());
    }
    assertEquals("nothing dropped or changed", j.get("conversions").get(3).get("loss").asText());

    Cli.Result text = Cli.run("demo", "--out", out.toString());
    assertEquals(0, text.exitCode(), text.toString());
    assertTrue(text.out().startsWith("1. detect"), text.out());
    assertTrue(text.out().contains("voc        converted 4 items / 12 annotations") && text.out().contains("polygon -> box"),
        text.out());
  }
}
