package org.trainset.cli.refine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;
import org.trainset.core.Datasets;
import org.trainset.core.FormatRegistry;
import org.trainset.core.spi.ReadOptions;
import org.trainset.testkit.images.SyntheticImages;

class DedupImagesCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  @Test void removesCopiesWritesDatasetReportAndPage() throws Exception {
    Path media = tmp.resolve("media");
    var img = SyntheticImages.scene(3, 320, 240);
    SyntheticImages.writeJpeg(img, media.resolve("a.jpg"), 0.92f);
    SyntheticImages.writeJpeg(img, media.resolve("b.jpg"), 0.35f);
    SyntheticImages.writeJpeg(SyntheticImages.resized(img, 0.6), media.resolve("c.jpg"), 0.9f);
    SyntheticImages.writeJpeg(SyntheticImages.scene(4, 320, 240), media.resolve("d.jpg"), 0.9f);
    RefineFixtures.dataset(tmp.resolve("ds"), media, List.of(RefineFixtures.tagged("x2", "b.jpg", "car"),
        RefineFixtures.tagged("x1", "a.jpg", "car"), RefineFixtures.tagged("x3", "c.jpg", "car"), RefineFixtures.tagged("x4", "d.jpg", "car")));
    Path out = tmp.resolve("out");
    Cli.Result r = Cli.run("dedup", "images", tmp.resolve("ds").toString(), "--out", out.toString(), "--per-label", "--json");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode s = JSON.readTree(r.out());
    assertEquals(1, s.get("clusters").asInt());
    assertEquals(2, s.get("removed").asInt());
    var format = FormatRegistry.load().require("trainset");
    var kept = Datasets.readAll(Datasets.plan(format, out, ReadOptions.defaults()), ReadOptions.defaults());
    assertEquals(List.of("x1", "x4"), kept.stream().map(i -> i.id()).toList());
    JsonNode rep = JSON.readTree(out.resolve("dedup.json").toFile());
    assertEquals("x1", rep.at("/clusters/0/keep").asText());
    assertEquals("near", rep.at("/clusters/0/members/1/rule").asText());
    String html = Files.readString(out.resolve("dedup.html"));
    assertEquals(3, html.split("<figure").length - 1, "three images in the cluster shown side by side");
    assertTrue(html.contains("figure class=\"keep\""));
  }

  /** The page is drawn while the dataset is rewritten; a rewrite that fails must leave no page (nor report). */
  @Test void failedRewriteLeavesNoPage() throws Exception {
    Path media = tmp.resolve("media");
    var img = SyntheticImages.scene(3, 320, 240);
    SyntheticImages.writeJpeg(img, media.resolve("a.jpg"), 0.92f);
    SyntheticImages.writeJpeg(img, media.resolve("b.jpg"), 0.35f);
    Path blocker = Files.writeString(tmp.resolve("file"), "a file where the output's parent folder should be");
    Cli.Result r = Cli.run("dedup", "images", media.toString(), "--out", blocker.resolve("out").toString(),
        "--report", tmp.resolve("r.json").toString(), "--html", tmp.resolve("page.html").toString());
    assertTrue(r.exitCode() != 0, r.toString());
    assertTrue(!Files.exists(tmp.resolve("page.html")) && !Files.exists(tmp.resolve("r.json")), r.toString());
  }

  /** --report-only: the same clusters in the report, no dataset written, and --out refused beside it. */
  @Test void reportOnlyWritesTheReportAndNoDataset() throws Exception {
    Path media = tmp.resolve("media");
    var img = SyntheticImages.scene(3, 320, 240);
    SyntheticImages.writeJpeg(img, media.resolve("a.jpg"), 0.92f);
    SyntheticImages.writeJpeg(SyntheticImages.resized(img, 0.6), media.resolve("c.jpg"), 0.9f);
    SyntheticImages.writeJpeg(SyntheticImages.scene(4, 320, 240), media.resolve("d.jpg"), 0.9f);
    Path report = tmp.resolve("r.json");
    Cli.Result r = Cli.run("dedup", "images", media.toString(), "--report-only", "--report", report.toString(), "--json");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode s = JSON.readTree(r.out());
    assertEquals(1, s.get("clusters").asInt());
    assertEquals(1, s.get("removed").asInt());
    assertTrue(s.get("out").isNull() && s.get("html").isNull(), r.out());
    JsonNode rep = JSON.readTree(report.toFile());
    assertTrue(rep.get("output").isNull());
    assertEquals(2, rep.at("/clusters/0/members").size());
    try (var files = Files.list(tmp)) {
      assertEquals(List.of("media", "r.json"), files.map(p -> p.getFileName().toString()).sorted().toList(), "nothing else written");
    }
    assertEquals(2, Cli.run("dedup", "images", media.toString(), "--report-only").exitCode(), "needs --report");
    assertEquals(2, Cli.run("dedup", "images", media.toString(), "--report-only", "--report", report.toString(),
        "--out", tmp.resolve("o").toString()).exitCode(), "--out beside --report-only");
    assertEquals(2, Cli.run("dedup", "images", media.toString()).exitCode(), "--out or --report-only");
  }

  @Test void missingImageIsAnInputError() throws Exception {
    RefineFixtures.dataset(tmp.resolve("ds"), tmp, List.of(RefineFixtures.tagged("1", "nope.jpg", null)));
    Cli.Result r = Cli.run("dedup", "images", tmp.resolve("ds").toString(), "--out", tmp.resolve("o").toString());
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains("[item 1]") && r.err().contains("media-missing"), r.err());
    assertEquals(2, Cli.run("dedup", "images", tmp.resolve("ds").toString(), "--out", tmp.resolve("o").toString(), "--distance", "40").exitCode());
  }
}
