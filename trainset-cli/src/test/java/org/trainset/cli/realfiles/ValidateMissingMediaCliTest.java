package org.trainset.cli.realfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;
import org.trainset.testkit.SharedFixtures;

/** Issue 16 item 11: {@code validate} reports media files that do not exist, with a count and the first few. */
class ValidateMissingMediaCliTest {
  private static final ObjectMapper M = new ObjectMapper();
  @TempDir Path tmp;

  @Test void aCvatJobWithoutItsImages() throws Exception {
    // A real CVAT server job export, kept without its four page images.
    Path xml = SharedFixtures.external("docling-eval/tests/data/cvat_pdfs_dataset_e2e/case_01_annotations.xml");
    Cli.Result r = Cli.run("validate", xml.toString(), "--json");
    assertEquals(1, r.exitCode(), r.toString());
    JsonNode v = M.readTree(r.out());
    assertEquals(4, v.get("media").get("checked").asInt(), r.out());
    assertEquals(4, v.get("media").get("missing").asInt(), r.out());
    assertEquals(4, v.get("media").get("examples").size(), r.out());
    JsonNode finding = v.get("findings").get(v.get("findings").size() - 1);
    assertEquals("missing-media", finding.get("rule").asText(), r.out());
    assertTrue(finding.get("message").asText().startsWith("4 of 4 media files do not exist"), r.out());

    Cli.Result text = Cli.run("validate", xml.toString());
    assertTrue(text.out().contains("missing-media") && text.out().contains("images/doc_32a7d8aa"), text.out());
    Cli.Result skipped = Cli.run("validate", xml.toString(), "--no-media-check");
    assertEquals(0, skipped.exitCode(), skipped.toString());
  }

  @Test void aCompleteSampleMinusSomeImagesShowsTheCountAndTheFirstFew() throws Exception {
    Path sample = tmp.resolve("sidewalk");
    assertEquals(0, Cli.run("sample", "aihub.sidewalk", "--out", sample.toString()).exitCode());
    Cli.Result clean = Cli.run("validate", sample.toString(), "--json");
    assertEquals(0, clean.exitCode(), clean.toString());
    assertEquals(0, M.readTree(clean.out()).get("media").get("missing").asInt(), clean.out());
    try (Stream<Path> s = Files.list(sample.resolve("Bbox_0001"))) {
      for (Path jpg : s.filter(p -> p.toString().endsWith(".jpg")).toList()) Files.delete(jpg);
    }
    Cli.Result r = Cli.run("validate", sample.toString(), "--json");
    assertEquals(1, r.exitCode(), r.toString());
    JsonNode media = M.readTree(r.out()).get("media");
    assertEquals(6, media.get("missing").asInt(), r.out());
    assertEquals(5, media.get("examples").size(), r.out());
    assertTrue(media.get("examples").get(0).asText().startsWith("Bbox_0001/"), r.out());
  }
}
