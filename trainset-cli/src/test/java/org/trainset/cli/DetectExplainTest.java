package org.trainset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.testkit.SharedFixtures;

/** {@code trainset detect --explain}: each format's evidence or reasons, in text and JSON. */
class DetectExplainTest {
  private static final ObjectMapper M = new ObjectMapper();
  @TempDir Path tmp;

  private static Map<String, JsonNode> byFormat(JsonNode explain) {
    Map<String, JsonNode> out = new HashMap<>();
    for (JsonNode d : explain) out.put(d.get("format").asText(), d);
    return out;
  }

  @Test
  void cocoFolderShowsTheKeysSeenAndWhyOthersRejectIt() throws Exception {
    Path coco = SharedFixtures.datumaro("coco_dataset/coco");
    Cli.Result text = Cli.run("detect", coco.toString(), "--explain");
    assertEquals(0, text.exitCode(), text.toString());
    assertEquals("coco", text.firstLine());
    assertTrue(text.out().contains("coco") && text.out().contains("claims"), text.out());
    assertTrue(text.out().contains("a JSON object with \"images\""), text.out());
    assertTrue(text.out().contains("no annotations.xml in the folder"), "CVAT's reason: " + text.out());

    Cli.Result json = Cli.run("detect", coco.toString(), "--explain", "--json");
    assertEquals(0, json.exitCode(), json.toString());
    JsonNode root = M.readTree(json.out());
    assertEquals("coco", root.get("format").asText());
    Map<String, JsonNode> all = byFormat(root.get("explain"));
    assertTrue(all.size() >= 6, "every format answers: " + all.keySet());
    JsonNode c = all.get("coco");
    assertTrue(c.get("confidence").asDouble() > 0.5);
    assertTrue(c.get("evidence").get(0).asText().contains("\"annotations\""), c.toString());
    assertTrue(c.get("filesRead").size() >= 1, c.toString());
    JsonNode cvat = all.get("cvat");
    assertEquals(0.0, cvat.get("confidence").asDouble());
    assertEquals(0, cvat.get("evidence").size());
    assertTrue(cvat.get("reasons").get(0).asText().contains("annotations.xml"), cvat.toString());
    JsonNode yolo = all.get("yolo");
    assertTrue(yolo.get("reasons").size() > 0, yolo.toString());
  }

  @Test
  void resultsListIsRejectedWithItsReason() throws Exception {
    Path results = SharedFixtures.external("cocoapi/results/instances_val2014_fakebbox100_results.json");
    Cli.Result r = Cli.run("detect", results.toString(), "--explain", "--json");
    JsonNode coco = byFormat(M.readTree(r.out()).get("explain")).get("coco");
    assertEquals(0.0, coco.get("confidence").asDouble(), r.toString());
    assertTrue(coco.get("reasons").get(0).asText().contains("not a JSON object"), coco.toString());
  }

  @Test
  void unrecognisedPathStillExplainsThenFailsAsInputError() throws Exception {
    Path f = Files.writeString(tmp.resolve("notes.xml"), "<notes><n>hi</n></notes>");
    Cli.Result r = Cli.run("detect", f.toString(), "--explain");
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.out().startsWith("(no format)"), r.out());
    assertTrue(r.out().contains("root element <notes>, not <annotation>"), "VOC's reason: " + r.out());
    Cli.Result plain = Cli.run("detect", f.toString());
    assertEquals(3, plain.exitCode());
    assertTrue(plain.err().contains("--explain shows why"), plain.err());
  }
}
