package org.trainset.cli.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;

/**
 * Issue 16 item 12: the four families that were read only are published in their own layout by
 * {@code convert --to <family>}; the output is detected as the family and reads back with the same
 * counts by type and label, media and declared labels as the sample it came from, losing nothing.
 */
class FamilyWritersCliTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"aihub.motion,48,Annotation/2D/28-8/28-8-001-C1/28-8-001-C1_0001.json",
      "aihub.multimodal,6,S0001_C001/S0001_C001.json",
      "aihub.sidewalk,12,Surface_001/MASK/MP_SEL_000003.png",
      "aihub.xray,12,Astrophysics/Knife/Single_Default/Knife_Single_Default.json"})
  void convertToTheFamilyRoundTrips(String family, int items, String expectedFile) throws IOException {
    Path in = dir.resolve("in");
    Cli.Result sample = Cli.run("sample", family, "--out", in.toString(), "--items", Integer.toString(items), "--seed", "4");
    assertEquals(0, sample.exitCode(), sample.toString());
    Path out = dir.resolve("out");
    Cli.Result conv = Cli.run("convert", in.toString(), "--to", family, "--out", out.toString(), "--strict", "--json");
    assertEquals(0, conv.exitCode(), conv.toString());
    assertTrue(Files.isRegularFile(out.resolve(expectedFile)), "layout: " + expectedFile);
    assertEquals(family, Cli.run("detect", out.toString()).firstLine().split("\\s+")[0]);
    ObjectMapper json = new ObjectMapper();
    JsonNode before = json.readTree(Cli.run("stats", in.toString(), "--json").out());
    JsonNode after = json.readTree(Cli.run("stats", out.toString(), "--json").out());
    assertEquals(items, after.get("items").asInt());
    for (String key : new String[] {"annotations", "byType", "byLabel", "media", "labelsDeclared"}) {
      assertEquals(before.get(key), after.get(key), key + " after writing " + family);
    }
    Cli.Result validate = Cli.run("validate", out.toString());
    assertEquals(0, validate.exitCode(), validate.toString());
  }
}
