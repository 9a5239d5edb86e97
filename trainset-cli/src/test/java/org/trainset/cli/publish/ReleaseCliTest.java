package org.trainset.cli.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;
import org.trainset.testkit.SharedFixtures;

/** {@code trainset release} end to end through the CLI entry point. */
class ReleaseCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path familySample(Path tmp, int items) {
    Path data = tmp.resolve("objects");
    Cli.Result r = Cli.run("sample", "aihub.objects", "--out", data.toString(), "--items", String.valueOf(items));
    assertEquals(0, r.exitCode(), r.toString());
    return data;
  }

  private static Cli.Result release(Path data, Path out, String version, String... more) {
    List<String> args = new ArrayList<>(List.of("release", data.toString(), "--name", "objects", "--version", version,
        "--out", out.toString(), "--json", "-q"));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test void familyReleaseHasChecksummedFilesAManifestAndAStratifiedSample(@TempDir Path tmp) throws Exception {
    Path data = familySample(tmp, 60);
    Cli.Result r = release(data, tmp.resolve("rel"), "1.0.0", "--sample-size", "20", "--seed", "7");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode out = JSON.readTree(r.out());
    Path folder = tmp.resolve("rel").resolve("objects-v1.0.0");
    assertEquals(folder.toString(), out.get("folder").asText());
    assertTrue(Files.isDirectory(folder.resolve("data/trainset/items")), "native export");
    assertTrue(out.get("exports").has("trainset"));

    // GNU sha256sum checks every listed file, and the list covers every file but itself.
    Process p = new ProcessBuilder("sha256sum", "--strict", "-c", "SHA256SUMS").directory(folder.toFile())
        .redirectErrorStream(true).start();
    String check = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), check);
    List<String> all = files(folder);
    List<String> summed = Files.readAllLines(folder.resolve("SHA256SUMS")).stream().map(l -> l.substring(66)).sorted().toList();
    List<String> expected = new ArrayList<>(all);
    expected.remove("SHA256SUMS");
    assertEquals(expected, summed);

    // The manifest lists every other file with its true size and digest, and the counts of `trainset stats`.
    JsonNode manifest = JSON.readTree(folder.resolve("manifest.json").toFile());
    assertEquals("objects", manifest.get("name").asText());
    assertEquals("1.0.0", manifest.get("version").asText());
    List<String> listed = new ArrayList<>();
    for (JsonNode f : manifest.get("files")) {
      Path file = folder.resolve(f.get("path").asText());
      assertEquals(Files.size(file), f.get("size").asLong(), f.toString());
      assertEquals(sha256(Files.readAllBytes(file)), f.get("sha256").asText(), f.toString());
      listed.add(f.get("path").asText());
    }
    expected.remove("manifest.json");
    assertEquals(expected, listed);
    JsonNode stats = JSON.readTree(Cli.run("stats", data.toString(), "--json", "-q").out());
    assertEquals(stats.get("items"), manifest.get("counts").get("items"));
    assertEquals(stats.get("byLabel"), manifest.get("counts").get("byLabel"));
    assertEquals(stats.get("bySubset"), manifest.get("counts").get("bySubset"));
    assertEquals(manifest.get("counts").get("labelsDeclared").asInt(), manifest.get("schema").get("labels").size());
    assertTrue(manifest.get("exports").get("trainset").has("losses"));

    // The sample: K items whose label shares, counted independently, are within the stated tolerance.
    JsonNode sample = JSON.readTree(Cli.run("stats", folder.resolve("sample").toString(), "--json", "-q").out());
    assertEquals(20, sample.get("items").asInt());
    double tolerance = manifest.get("sample").get("tolerance").asDouble();
    assertEquals(0.05, tolerance);
    double worst = 0;
    for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) () -> stats.get("byLabel").fields()) {
      double whole = e.getValue().asDouble() / stats.get("annotations").asDouble();
      double part = sample.get("byLabel").path(e.getKey()).asDouble(0) / sample.get("annotations").asDouble();
      worst = Math.max(worst, Math.abs(whole - part));
    }
    assertTrue(worst <= tolerance, "label shares differ by " + worst);
    assertEquals(worst, manifest.get("sample").get("maxLabelShareDeviation").asDouble(), 1e-5);
    // Every subset is represented in proportion too.
    for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) () -> stats.get("bySubset").fields()) {
      double whole = e.getValue().asDouble() / stats.get("items").asDouble();
      double part = sample.get("bySubset").path(e.getKey()).asDouble(0) / 20.0;
      assertTrue(Math.abs(whole - part) <= 0.1, "subset " + e.getKey() + ": " + whole + " vs " + part);
    }
  }

  @Test void freezingTwiceGivesTheSameBytesAndAReleaseIsNeverReplaced(@TempDir Path tmp) throws Exception {
    Path data = familySample(tmp, 30);
    assertEquals(0, release(data, tmp.resolve("a"), "2.1.0", "--sample-size", "8").exitCode());
    assertEquals(0, release(data, tmp.resolve("b"), "2.1.0", "--sample-size", "8").exitCode());
    Path a = tmp.resolve("a/objects-v2.1.0");
    Path b = tmp.resolve("b/objects-v2.1.0");
    assertEquals(files(a), files(b));
    for (String f : files(a)) assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);

    // Another seed picks another sample (the choice is seeded, not fixed).
    assertEquals(0, release(data, tmp.resolve("c"), "2.1.0", "--sample-size", "8", "--seed", "99").exitCode());
    assertFalse(Arrays.equals(Files.readAllBytes(a.resolve("sample/items/part-00000.jsonl")),
        Files.readAllBytes(tmp.resolve("c/objects-v2.1.0/sample/items/part-00000.jsonl"))));

    byte[] manifest = Files.readAllBytes(a.resolve("manifest.json"));
    Cli.Result again = release(data, tmp.resolve("a"), "2.1.0");
    assertEquals(3, again.exitCode(), again.toString());
    assertEquals(1, again.err().strip().lines().count(), again.err());
    assertTrue(again.err().contains("never changes"), again.err());
    assertArrayEquals(manifest, Files.readAllBytes(a.resolve("manifest.json")));
  }

  @Test void changesAgainstThePreviousRelease(@TempDir Path tmp) throws Exception {
    Path data = familySample(tmp, 20);
    Path out = tmp.resolve("rel");
    assertEquals(0, release(data, out, "1.0.0", "--sample-size", "5").exitCode());
    Path v1 = out.resolve("objects-v1.0.0");

    // Version 1.1.0 is made from v1's native export with one item dropped and one changed.
    Path next = tmp.resolve("next");
    org.trainset.testkit.TestTrees.copy(v1.resolve("data/trainset"), next);
    Path shard = next.resolve("items/part-00000.jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(shard));
    String removedId = JSON.readTree(lines.remove(lines.size() - 1)).get("id").asText();
    ObjectNode first = (ObjectNode) JSON.readTree(lines.get(0));
    ObjectNode attrs = first.get("attributes") instanceof ObjectNode o ? o : first.putObject("attributes");
    attrs.put("reviewed", true);
    lines.set(0, JSON.writeValueAsString(first));
    Files.write(shard, lines);

    Cli.Result r = release(next, out, "1.1.0", "--sample-size", "5", "--previous", v1.toString());
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode changes = JSON.readTree(out.resolve("objects-v1.1.0/CHANGES.json").toFile());
    assertEquals(0, changes.get("added").asInt(), changes.toString());
    assertEquals(1, changes.get("removed").asInt(), changes.toString());
    assertEquals(1, changes.get("changed").asInt(), changes.toString());
    assertEquals(18, changes.get("unchanged").asInt(), changes.toString());
    assertEquals(removedId, changes.get("removedItems").get(0).asText());
    assertEquals(first.get("id").asText(), changes.get("changedItems").get(0).asText());
    long delta = 0;
    for (JsonNode l : changes.get("byLabel")) delta += l.get("delta").asLong();
    JsonNode removedItem = JSON.readTree(Files.readAllLines(v1.resolve("data/trainset/items/part-00000.jsonl")).get(19));
    assertEquals(-removedItem.get("annotations").size(), delta);
    assertEquals(1, JSON.readTree(r.out()).get("changes").get("removed").asInt());
  }

  @Test void cocoFixtureIsReleasedInNativeAndCoco(@TempDir Path tmp) throws Exception {
    Path coco = SharedFixtures.external("datumaro/tests/assets/coco_dataset/coco");
    Cli.Result r = Cli.run("release", coco.toString(), "--name", "coco-tiny", "--version", "0.1.0",
        "--out", tmp.toString(), "--sample-size", "1", "--json", "-q");
    assertEquals(0, r.exitCode(), r.toString());
    Path folder = tmp.resolve("coco-tiny-v0.1.0");
    JsonNode manifest = JSON.readTree(folder.resolve("manifest.json").toFile());
    assertEquals("coco", manifest.get("sourceFormat").asText());
    assertEquals("[\"trainset\",\"coco\"]", manifest.get("formats").toString());
    assertTrue(Files.isDirectory(folder.resolve("data/coco")));
    JsonNode back = JSON.readTree(Cli.run("stats", folder.resolve("data/coco").toString(), "--json", "-q").out());
    assertEquals(manifest.get("exports").get("coco").get("items"), back.get("items"));
    Process p = new ProcessBuilder("sha256sum", "--strict", "-c", "SHA256SUMS").directory(folder.toFile())
        .redirectErrorStream(true).start();
    String check = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), check);
  }

  @Test void badInputWritesNothing(@TempDir Path tmp) throws Exception {
    Cli.Result help = Cli.run("release", "--help");
    assertEquals(0, help.exitCode(), help.toString());
    assertTrue(help.out().contains("--sample-size") && help.out().contains("--previous"), help.out());

    Path out = tmp.resolve("out");
    Cli.Result missing = Cli.run("release", tmp.resolve("nope").toString(), "--name", "x", "--version", "1.0.0",
        "--out", out.toString());
    assertEquals(3, missing.exitCode(), missing.toString());
    assertEquals(1, missing.err().strip().lines().count(), missing.err());
    assertFalse(Files.exists(out.resolve("x-v1.0.0")));

    Path data = familySample(tmp, 3);
    for (String bad : List.of("1.0", "v1.0.0", "01.2.3", "1.2.3-beta", "")) {
      Cli.Result r = Cli.run("release", data.toString(), "--name", "x", "--version", bad, "--out", out.toString());
      assertEquals(2, r.exitCode(), bad + ": " + r);
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().contains("semantic version"), r.err());
    }
    Cli.Result badName = Cli.run("release", data.toString(), "--name", "../x", "--version", "1.0.0", "--out", out.toString());
    assertEquals(2, badName.exitCode(), badName.toString());
    Cli.Result badFormat = Cli.run("release", data.toString(), "--name", "x", "--version", "1.0.0", "--out", out.toString(),
        "--formats", "no-such-format");
    assertEquals(2, badFormat.exitCode(), badFormat.toString());
    assertFalse(Files.exists(out) && Files.list(out).findAny().isPresent(), "nothing written");
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/')).sorted().toList();
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
