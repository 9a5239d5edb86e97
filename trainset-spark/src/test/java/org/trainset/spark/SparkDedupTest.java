package org.trainset.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.core.FormatRegistry;
import org.trainset.core.convert.LossReport;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.WriteOptions;
import org.trainset.testkit.images.SyntheticImages;
import org.trainset.testkit.text.KoreanCorpusGenerator;

/**
 * {@code trainset spark dedup text|images}: the same summary, kept items and report, byte for
 * byte, as the single-process verbs (only the output paths differ).
 */
class SparkDedupTest {
  @TempDir Path tmp;

  @Test void textDedupOfAGeneratedCorpusEqualsOneProcess() throws IOException {
    StringBuilder tsv = new StringBuilder("id\tsource\ttarget\n");
    for (KoreanCorpusGenerator.Sentence s : new KoreanCorpusGenerator(11).corpus(3000, 0.2)) {
      tsv.append(s.id()).append('\t').append(s.text()).append("\tx\n");
    }
    Path in = tmp.resolve("in.tsv");
    Files.writeString(in, tsv, StandardCharsets.UTF_8);
    String[] summary = same("text", in, "out.tsv", "dedup.json");
    assertTrue(summary[0].contains("\"removedNear\""), summary[0]);
    assertFalse(summary[0].contains("\"removedNear\":0,"), "near duplicates were found: " + summary[0]);
  }

  @Test void textDedupOfTheCorpusFamilyReadInSeveralParts() throws IOException {
    Path in = tmp.resolve("corpus");
    assertEquals(0, SparkTestSession.cli("sample", "aihub.corpus", "--out", in.toString(), "--items", "60", "--seed", "5").exitCode());
    same("text", in, "out", "dedup.json", "--to", "aihub.corpus.jsonl", "--side", "both");
  }

  @Test void imageDedupEqualsOneProcess() throws IOException {
    Path media = Files.createDirectories(tmp.resolve("media"));
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      BufferedImage img = SyntheticImages.scene(i % 8, 160, 120);
      if (i >= 8) img = i < 16 ? SyntheticImages.resized(img, 0.75) : SyntheticImages.cropped(img, 0.03);
      ImageIO.write(img, "png", media.resolve("img" + i + ".png").toFile());
      items.add(new Item("img" + (100 - i), null, List.of(MediaRef.image("img" + i + ".png", null, null)), Map.of(), List.of()));
    }
    Path in = tmp.resolve("images");
    try (ItemSink sink = FormatRegistry.load().require("trainset").writer().orElseThrow().open(in, DatasetSchema.empty(),
        new WriteOptions(media, false), LossReport.lenient())) {
      for (Item i : items) sink.accept(i);
      sink.commit();
    }
    String[] summary = same("images", in, "out", "dedup.json");
    assertFalse(summary[0].contains("\"clusters\":0"), "clusters were found: " + summary[0]);
    assertEquals(readHtml(tmp.resolve("single/out/dedup.html"), "single"), readHtml(tmp.resolve("spark/out/dedup.html"), "spark"));
  }

  @Test void anUnreadableImageFailsLikeTheCli() throws IOException {
    Path media = Files.createDirectories(tmp.resolve("m"));
    Files.writeString(media.resolve("bad.png"), "not a png");
    ImageIO.write(SyntheticImages.scene(1, 64, 48), "png", media.resolve("good.png").toFile());
    Path in = tmp.resolve("ds");
    try (ItemSink sink = FormatRegistry.load().require("trainset").writer().orElseThrow().open(in, DatasetSchema.empty(),
        new WriteOptions(media, false), LossReport.lenient())) {
      sink.accept(new Item("a", null, List.of(MediaRef.image("good.png", null, null)), Map.of(), List.of()));
      sink.accept(new Item("b", null, List.of(MediaRef.image("bad.png", null, null)), Map.of(), List.of()));
      sink.commit();
    }
    var single = SparkTestSession.cli("dedup", "images", in.toString(), "--out", tmp.resolve("o1").toString());
    var spark = SparkTestSession.cli("spark", "dedup", "images", in.toString(), "--out", tmp.resolve("o2").toString(), "-q");
    assertEquals(3, single.exitCode(), single.toString());
    assertEquals(3, spark.exitCode(), spark.toString());
    assertEquals(single.err(), spark.err());
    assertFalse(Files.exists(tmp.resolve("o2")), "no output");
  }

  /** Runs both verbs into single/ and spark/; asserts equal stdout, output and report; returns the stdouts. */
  private String[] same(String verb, Path in, String out, String report, String... extra) throws IOException {
    Path single = Files.createDirectories(tmp.resolve("single"));
    Path spark = Files.createDirectories(tmp.resolve("spark"));
    List<String> a = new ArrayList<>(List.of("dedup", verb, in.toString(), "--out", single.resolve(out).toString(), "--json"));
    List<String> b = new ArrayList<>(List.of("spark", "dedup", verb, in.toString(), "--out", spark.resolve(out).toString(),
        "--json", "-q"));
    a.addAll(List.of(extra));
    b.addAll(List.of(extra));
    var r1 = SparkTestSession.cli(a.toArray(String[]::new));
    var r2 = SparkTestSession.cli(b.toArray(String[]::new));
    assertEquals(0, r1.exitCode(), r1.toString());
    assertEquals(0, r2.exitCode(), r2.toString());
    assertEquals(r1.out().replace(single.toString(), "DIR"), r2.out().replace(spark.toString(), "DIR"));
    assertEquals(tree(single.resolve(out), "single"), tree(spark.resolve(out), "spark"), "kept items");
    // Reports sit inside a folder output, beside a single-file one (Reports.inside).
    String rep = out.contains(".") ? out + "." + report : out + "/" + report;
    assertEquals(readHtml(single.resolve(rep), "single"), readHtml(spark.resolve(rep), "spark"), "report");
    return new String[] {r1.out(), r2.out()};
  }

  private static String readHtml(Path p, String dir) throws IOException {
    return Files.readString(p).replace("/" + dir + "/", "/DIR/");
  }

  /** Every file under {@code p} (or {@code p} itself) with its content, paths made relative. */
  private static Map<String, String> tree(Path p, String dir) throws IOException {
    Map<String, String> files = new java.util.TreeMap<>();
    if (Files.isRegularFile(p)) {
      files.put(p.getFileName().toString(), readHtml(p, dir));
      return files;
    }
    try (var s = Files.walk(p)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) files.put(p.relativize(f).toString(), readHtml(f, dir));
    }
    return files;
  }
}
