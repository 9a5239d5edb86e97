package org.trainset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.core.FormatRegistry;
import org.trainset.core.convert.LossReport;
import org.trainset.core.model.*;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.WriteOptions;

/** detect / stats / validate / convert through the CLI entry point on the native and media formats. */
class NativeAndMediaCliTest {
  @TempDir Path tmp;
  Path dataset;

  @BeforeEach
  void writeDataset() throws Exception {
    Path images = Files.createDirectories(tmp.resolve("src"));
    ImageIO.write(new BufferedImage(100, 50, BufferedImage.TYPE_INT_RGB), "png", images.resolve("a.png").toFile());
    dataset = tmp.resolve("native");
    DatasetSchema schema = DatasetSchema.empty().withLabelsAdded(List.of("car", "person"));
    AnnotationMeta car = AnnotationMeta.of("car");
    List<Item> items = List.of(
        new Item("a", "train", List.of(MediaRef.image("a.png", 100, 50)), Map.of("weather", "rain"), List.of(
            new Box(car, 10, 10, 20, 20), new Box(car, 90, 40, 30, 30),
            new Polygon(AnnotationMeta.of("person"), new double[] {0, 0, 5, 5}), new Tag(AnnotationMeta.of("bus")))));
    try (ItemSink sink = FormatRegistry.load().require("trainset").writer().orElseThrow()
        .open(dataset, schema, new WriteOptions(images, false), LossReport.strict())) {
      for (Item i : items) sink.accept(i);
      sink.commit();
    }
  }

  @Test
  void detectPrintsFormatFirst() {
    Cli.Result r = Cli.run("detect", dataset.toString());
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals("trainset", r.firstLine());
  }

  @Test
  void statsJson() throws Exception {
    Cli.Result r = Cli.run("stats", dataset.toString(), "--json");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals("trainset", j.get("format").asText());
    assertEquals(1, j.get("items").asInt());
    assertEquals(4, j.get("annotations").asInt());
    assertEquals(2, j.get("byType").get("box").asInt());
    assertEquals(1, j.get("byType").get("polygon").asInt());
    assertEquals(2, j.get("byLabel").get("car").asInt());
  }

  @Test
  void validateFindsEachProblemAndExitsOne() throws Exception {
    Cli.Result r = Cli.run("validate", dataset.toString(), "--json");
    assertEquals(1, r.exitCode(), r.toString());
    JsonNode j = new ObjectMapper().readTree(r.out());
    List<String> rules = new java.util.ArrayList<>();
    j.get("findings").forEach(f -> rules.add(f.get("rule").asText()));
    assertEquals(List.of("box-outside-image", "degenerate-polygon", "undeclared-label"), rules.stream().sorted().toList());
  }

  @Test
  void convertReportsLossAndStrictWritesNothing() throws Exception {
    Path out = tmp.resolve("media-out");
    Cli.Result strict = Cli.run("convert", dataset.toString(), "--to", "media", "--out", out.toString(), "--strict");
    assertEquals(1, strict.exitCode(), strict.toString());
    assertFalse(Files.exists(out), "strict conversion must not leave output");
    try (var s = Files.list(tmp)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".media-out")), "staging left behind");
    }
    Cli.Result r = Cli.run("convert", dataset.toString(), "--to", "media", "--out", out.toString(), "--json");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(2, j.get("dropped").get("box (media folders hold no annotations)").asInt());
    assertEquals(1, j.get("dropped").get("tag (media folders hold no annotations)").asInt());
    assertTrue(Files.isRegularFile(out.resolve("a.png")));
    assertEquals("file,weather\na.png,rain\n", Files.readString(out.resolve("metadata.csv")).replace("\r", ""));
    assertEquals("media", Cli.run("detect", out.toString()).firstLine());
  }

  @Test
  void failedConvertKeepsEarlierOutput() throws Exception {
    Path out = tmp.resolve("again");
    assertEquals(0, Cli.run("convert", dataset.toString(), "--to", "trainset", "--out", out.toString()).exitCode());
    String before = Files.readString(out.resolve("items/part-00000.jsonl"));
    Files.writeString(dataset.resolve("items/part-00000.jsonl"), "{\"id\": \"broken\", \n");
    Cli.Result r = Cli.run("convert", dataset.toString(), "--to", "trainset", "--out", out.toString());
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains("part-00000.jsonl:1"), r.err());
    assertEquals(before, Files.readString(out.resolve("items/part-00000.jsonl")));
  }

  @Test
  void unreadableShardIsAnInputError() throws Exception {
    // Root reads any file whatever its mode, so "unreadable" is made with a folder where a file belongs.
    Path shard = dataset.resolve("items/part-00000.jsonl");
    Files.delete(shard);
    Files.createDirectories(shard);
    Path out = tmp.resolve("never");
    Cli.Result r = Cli.run("convert", dataset.toString(), "--to", "trainset", "--out", out.toString());
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains("part-00000.jsonl"), r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void parseLimitsComeFromTheCommandLine() {
    Cli.Result small = Cli.run("stats", dataset.toString(), "--max-file-size", "10");
    assertEquals(3, small.exitCode(), small.toString());
    assertTrue(small.err().contains("max-file-size"), small.err());
    Cli.Result shallow = Cli.run("validate", dataset.toString(), "--max-nesting", "2");
    assertEquals(3, shallow.exitCode(), shallow.toString());
    assertTrue(shallow.err().contains("nesting"), shallow.err());
    assertEquals(2, Cli.run("convert", dataset.toString(), "--to", "trainset", "--out", tmp.resolve("x").toString(),
        "--max-string-length", "0").exitCode());
  }
}
