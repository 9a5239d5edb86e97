package org.trainset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trainset.testkit.SharedFixtures;

/**
 * Issue 17 item 7: every writer stages through {@code StagedSink}, so a conversion that fails
 * after its writer has taken items (an input error on the third item of a streamed native shard,
 * or a strict loss) leaves the earlier output byte for byte as it was and no staging folder. (A
 * kill -9 midway is {@link KilledConvertCliTest}.)
 */
class FailedConvertKeepsOutputCliTest {
  @TempDir Path tmp;

  /** Datumaro's COCO folder as native data (2 items with images), and a copy whose third line is broken. */
  private Path[] inputs() throws Exception {
    Path good = tmp.resolve("good");
    Cli.Result r = Cli.run("convert", SharedFixtures.datumaro("coco_dataset/coco").toString(), "--to", "trainset",
        "--out", good.toString());
    assertEquals(0, r.exitCode(), r.toString());
    Path bad = tmp.resolve("bad");
    try (Stream<Path> s = Files.walk(good)) {
      for (Path p : s.toList()) {
        Path to = bad.resolve(good.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(to); else Files.copy(p, to);
      }
    }
    Path shard;
    try (Stream<Path> s = Files.list(bad.resolve("items"))) {
      shard = s.sorted().findFirst().orElseThrow();
    }
    List<String> lines = Files.readAllLines(shard);
    assertEquals(2, lines.size(), "two items, one per line");
    Files.writeString(shard, String.join("\n", lines) + "\n{\"id\": \"c\", \"annotations\": [\n");
    return new Path[] {good, bad};
  }

  private static Map<String, String> snapshot(Path dir) throws Exception {
    Map<String, String> files = new TreeMap<>();
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString(), HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p))));
      }
    }
    return files;
  }

  private List<String> stagingLeft() throws Exception {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.contains(".staging-")).toList();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"coco", "cvat", "voc", "yolo", "media", "trainset"})
  void anInputErrorMidwayLeavesTheEarlierOutputIntact(String format) throws Exception {
    Path[] in = inputs();
    Path out = tmp.resolve("out-" + format);
    Cli.Result first = Cli.run("convert", in[0].toString(), "--to", format, "--out", out.toString());
    assertEquals(0, first.exitCode(), first.toString());
    Map<String, String> before = snapshot(out);
    assertFalse(before.isEmpty());

    Cli.Result failed = Cli.run("convert", in[1].toString(), "--to", format, "--out", out.toString());
    assertEquals(3, failed.exitCode(), failed.toString());
    assertTrue(failed.err().contains("part-") && failed.err().contains(":3"), "names the shard and line 3: " + failed.err());
    assertEquals(before, snapshot(out), "the earlier output is byte for byte intact");
    assertEquals(List.of(), stagingLeft(), "no staging folder left");
  }

  @ParameterizedTest
  @ValueSource(strings = {"voc", "yolo"})
  void aStrictLossMidwayLeavesTheEarlierOutputIntact(String format) throws Exception {
    Path[] in = inputs();
    Path out = tmp.resolve("strict-" + format);
    assertEquals(0, Cli.run("convert", in[0].toString(), "--to", format, "--out", out.toString()).exitCode());
    Map<String, String> before = snapshot(out);
    Cli.Result strict = Cli.run("convert", in[0].toString(), "--to", format, "--out", out.toString(), "--strict");
    assertEquals(1, strict.exitCode(), strict.toString());
    assertEquals(before, snapshot(out));
    assertEquals(List.of(), stagingLeft());
  }

  /** Family writers too: a family sample as native data, broken after its items, written in the family's own layout. */
  @ParameterizedTest
  @ValueSource(strings = {"aihub.objects", "aihub.face", "aihub.ocr", "aihub.xray", "aihub.sidewalk", "aihub.motion"})
  void aFamilyWriterKeepsTheEarlierOutputWhenTheInputBreaksMidway(String family) throws Exception {
    Path sample = tmp.resolve("sample");
    assertEquals(0, Cli.run("sample", family, "--out", sample.toString(), "--items", "3", "-q").exitCode());
    Path good = tmp.resolve("native");
    Cli.Result toNative = Cli.run("convert", sample.toString(), "--from", family, "--to", "trainset", "--out", good.toString(), "-q");
    assertTrue(toNative.exitCode() <= 1, toNative.toString());
    Path out = tmp.resolve("out");
    Cli.Result first = Cli.run("convert", good.toString(), "--to", family, "--out", out.toString(), "-q");
    assertTrue(first.exitCode() <= 1, first.toString());
    Map<String, String> before = snapshot(out);
    assertFalse(before.isEmpty());
    Path shard;
    try (Stream<Path> s = Files.list(good.resolve("items"))) {
      shard = s.sorted().reduce((a, b) -> b).orElseThrow();
    }
    Files.writeString(shard, Files.readString(shard) + "{\"id\": \"broken\", \n", java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
    Cli.Result failed = Cli.run("convert", good.toString(), "--to", family, "--out", out.toString(), "-q");
    assertEquals(3, failed.exitCode(), failed.toString());
    assertTrue(failed.err().contains(shard.getFileName().toString()), failed.err());
    assertEquals(before, snapshot(out), "the earlier output is byte for byte intact");
    assertEquals(List.of(), stagingLeft(), "no staging folder left");
  }
}
