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
    Cli.Result r = Cli.run("demo", "--out", out.toString(), "--json", "--no-serve", "--items", "8");
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

    // the production line on the platform: sample -> refine -> server -> push -> rule pack -> export
    assertTrue(j.get("url").asText().startsWith("http://127.0.0.1:"), j.toString());
    assertEquals(j.get("refine").get("items").asLong() - j.get("refine").get("removed").asLong(),
        j.get("imported").get("items").asLong());
    assertTrue(j.get("findings").asLong() > 0, "the sample's planted defects are found");
    assertEquals(j.get("imported").get("items").asLong(), j.get("exportedItems").asLong());
    assertTrue(Files.exists(out.resolve("line/export-coco")));
    assertEquals(5, j.get("accounts").size());

    Cli.Result text = Cli.run("demo", "--out", out.toString(), "--no-serve", "--items", "4");
    assertEquals(0, text.exitCode(), text.toString());
    assertTrue(text.out().startsWith("1. detect"), text.out());
    assertTrue(text.out().contains("voc        converted 4 items / 12 annotations") && text.out().contains("polygon (-> box)"),
        text.out());
    assertTrue(text.out().contains("9. inspect with the aihub.sidewalk rule pack") && text.out().contains("demo-annotator"), text.out());
  }
}
