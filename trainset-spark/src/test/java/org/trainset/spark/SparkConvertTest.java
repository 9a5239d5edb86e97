package org.trainset.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.core.Datasets;
import org.trainset.core.FormatRegistry;
import org.trainset.core.model.Item;
import org.trainset.core.spi.ReadOptions;

/**
 * {@code trainset spark convert}: one shard per partition, the same dataset file and the same
 * item lines in the same order as the single-process conversion; a corrupt part gives the CLI's
 * error and leaves no output (and an earlier output intact).
 */
class SparkConvertTest {
  @TempDir Path tmp;

  private Path sample(String family) {
    Path data = tmp.resolve(family);
    assertEquals(0, SparkTestSession.cli("sample", family, "--out", data.toString(), "--items", "10", "--seed", "3").exitCode());
    return data;
  }

  @Test void sidewalkConvertsToTheSameFilesAsOneProcess() throws IOException {
    Path data = sample("aihub.sidewalk");
    Path single = tmp.resolve("single");
    Path spark = tmp.resolve("spark");
    var a = SparkTestSession.cli("convert", data.toString(), "--to", "trainset", "--out", single.toString(), "--json");
    var b = SparkTestSession.cli("spark", "convert", data.toString(), "--to", "trainset", "--out", spark.toString(), "--json", "-q");
    assertEquals(0, a.exitCode(), a.toString());
    assertEquals(0, b.exitCode(), b.toString());
    assertEquals(a.out().replace(single.toString(), "OUT"), b.out().replace(spark.toString(), "OUT"));
    assertEquals(Files.readString(single.resolve("dataset.json")), Files.readString(spark.resolve("dataset.json")));
    assertTrue(shards(spark).size() > 1, "one shard per partition: " + shards(spark));
    assertEquals(lines(single), lines(spark), "item lines in order");
    List<Item> reread = Datasets.readAll(Datasets.plan(FormatRegistry.load().require("trainset"), spark,
        ReadOptions.defaults()), ReadOptions.defaults());
    assertEquals(Datasets.readAll(Datasets.plan(FormatRegistry.load().require("trainset"), single,
        ReadOptions.defaults()), ReadOptions.defaults()), reread);
    assertEquals(List.of("dataset.json", "items"), listing(spark), "no staging left behind");
  }

  @Test void aCorruptPartFailsLikeTheCliAndWritesNothing() throws IOException {
    Path data = sample("aihub.sidewalk");
    Path xml;
    try (Stream<Path> s = Files.walk(data)) {
      xml = s.filter(p -> p.toString().contains("Polygon_") && p.toString().endsWith(".xml")).findFirst().orElseThrow();
    }
    String text = Files.readString(xml);
    Files.writeString(xml, text.substring(0, text.length() / 2) + "<box label=\"x\" xtl=\"1\"");
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("earlier.txt"), "kept");
    var single = SparkTestSession.cli("convert", data.toString(), "--to", "trainset", "--out", tmp.resolve("single").toString());
    var spark = SparkTestSession.cli("spark", "convert", data.toString(), "--out", out.toString(), "-q");
    assertEquals(3, single.exitCode(), single.toString());
    assertEquals(single.exitCode(), spark.exitCode(), spark.toString());
    assertEquals(single.err(), spark.err());
    assertTrue(spark.err().contains(xml.getFileName().toString()), "names the file: " + spark.err());
    assertEquals(List.of("earlier.txt"), listing(out), "earlier output intact");
    assertEquals(List.of("aihub.sidewalk", "out"), listing(tmp), "no staging folder left");
    // stats and validate report the same error as the CLI too
    SameAnswersTest.sameOutput(List.of("stats", data.toString()));
    SameAnswersTest.sameOutput(List.of("validate", data.toString()));
  }

  @Test void otherTargetsAreAUsageError() {
    var r = SparkTestSession.cli("spark", "convert", "x", "--to", "coco", "--out", tmp.resolve("o").toString());
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.err().contains("trainset convert --to coco"), r.err());
    assertFalse(Files.exists(tmp.resolve("o")));
  }

  private static List<Path> shards(Path out) throws IOException {
    try (Stream<Path> s = Files.list(out.resolve("items"))) {
      return s.sorted().toList();
    }
  }

  private static List<String> lines(Path out) throws IOException {
    List<String> all = new java.util.ArrayList<>();
    for (Path p : shards(out)) all.addAll(Files.readAllLines(p));
    return all;
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
