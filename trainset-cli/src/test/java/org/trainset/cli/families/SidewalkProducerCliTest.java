package org.trainset.cli.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;

/**
 * Issue 16 item 3 through the CLI: the producer's {@code Sample Data/output|rawdata} layout is
 * detected and read (depth sets too), surface masks get labels although the XML declares no
 * colours, the pack finds no unknown mask colours, and the data converts to the release layout.
 */
class SidewalkProducerCliTest {
  @TempDir Path dir;

  @Test
  void producerLayoutIsDetectedReadInspectedAndConverted() throws IOException {
    Path in = dir.resolve("producer");
    Cli.Result sample = Cli.run("sample", "aihub.sidewalk", "--layout", "producer", "--out", in.toString(), "--items", "8");
    assertEquals(0, sample.exitCode(), sample.toString());
    assertTrue(Files.isDirectory(in.resolve("Sample Data/output")) && Files.isDirectory(in.resolve("Sample Data/rawdata")));
    assertEquals("aihub.sidewalk", Cli.run("detect", in.toString()).firstLine().split("\\s+")[0]);
    ObjectMapper json = new ObjectMapper();
    JsonNode stats = json.readTree(Cli.run("stats", in.toString(), "--json").out());
    assertEquals(8, stats.get("items").asInt(), stats.toString());
    assertTrue(stats.get("byType").path("mask").asInt() >= 3, "surface masks read with inferred labels: " + stats);
    assertTrue(stats.get("byLabel").has("sidewalk"), stats.toString());
    Cli.Result inspect = Cli.run("inspect", in.toString(), "--rules", "aihub.sidewalk", "--json", "--max-shown", "1000");
    assertFalse(inspect.out().contains("sidewalk.mask-colours"), inspect.out());
    assertFalse(inspect.out().contains("sidewalk.depth-files"), inspect.out());
    assertTrue(inspect.out().contains("sidewalk.environment"), "the producer's sample has no environment CSV: " + inspect.out());
    Path release = dir.resolve("release");
    Cli.Result conv = Cli.run("convert", in.toString(), "--to", "aihub.sidewalk", "--out", release.toString());
    assertEquals(0, conv.exitCode(), conv.toString());
    assertTrue(Files.isDirectory(release.resolve("Depth_001")) && Files.isDirectory(release.resolve("Surface_001/MASK")));
    JsonNode back = json.readTree(Cli.run("stats", release.toString(), "--json").out());
    assertEquals(stats.get("byType"), back.get("byType"));
  }

  @Test
  void aLayoutTheGeneratorDoesNotHaveIsAUsageError() {
    Cli.Result r = Cli.run("sample", "aihub.xray", "--layout", "producer", "--out", dir.resolve("x").toString());
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.err().contains("--layout producer"), r.err());
  }
}
