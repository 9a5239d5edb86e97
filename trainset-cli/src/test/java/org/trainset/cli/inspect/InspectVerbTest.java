package org.trainset.cli.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;
import org.trainset.core.FormatRegistry;
import org.trainset.core.convert.LossReport;
import org.trainset.core.model.*;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.WriteOptions;

/** {@code trainset inspect} over a native-format sidewalk dataset with real images. */
class InspectVerbTest {
  @TempDir Path tmp;

  private static AnnotationMeta meta(String id, String label, Map<String, Object> attrs) {
    return new AnnotationMeta(id, label, attrs, null, 0, false, null);
  }

  private static Polygon rect(String id, String label, String surface, double x, double y, double w, double h) {
    return new Polygon(meta(id, label, Map.of("attribute", surface)), new double[] {x, y, x + w, y, x + w, y + h, x, y + h});
  }

  /** Writes a 2-image sidewalk dataset (PNG files included) in the native format. */
  private Path dataset(boolean defects) throws Exception {
    Path media = Files.createDirectories(tmp.resolve("src/images"));
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      BufferedImage img = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = img.createGraphics();
      g.setColor(new Color(90, 140, 90));
      g.fillRect(0, 0, 640, 180);
      g.setColor(new Color(150, 150, 160));
      g.fillRect(0, 180, 640, 180);
      g.dispose();
      ImageIO.write(img, "png", media.resolve("img" + i + ".png").toFile());
      List<Annotation> anns = List.of(
          new Box(meta("b1", "bench", Map.of()), 50, 60, defects && i == 1 ? 40 : 120, defects && i == 1 ? 40 : 80),
          rect("s1", "sidewalk", "blocks", 0, 180, 320, 180),
          rect("s2", "roadway", "normal", defects && i == 1 ? 250 : 320, 180, 320, 180));
      items.add(new Item("img" + i, null, List.of(MediaRef.image("images/img" + i + ".png", 640, 360)),
          Map.of("folder_kind", "surface", "day_night", "day"), anns));
    }
    Path out = tmp.resolve(defects ? "bad" : "good");
    var format = FormatRegistry.load().require("trainset");
    try (ItemSink sink = format.writer().orElseThrow().open(out, DatasetSchema.empty(),
        new WriteOptions(tmp.resolve("src"), true), LossReport.lenient())) {
      for (Item it : items) sink.accept(it);
      sink.commit();
    }
    return out;
  }

  @Test void cleanDatasetPassesWithExitZero() throws Exception {
    Cli.Result r = Cli.run("inspect", dataset(false).toString(), "--rules", "aihub.sidewalk", "--json");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(2, j.get("items").asInt());
    assertEquals(0, j.get("findings").asInt());
    assertEquals("aihub.sidewalk", j.get("pack").asText());
  }

  @Test void findingsExitOneWithJsonAndAnHtmlReportDrawingTheOffendingShapes() throws Exception {
    Path report = tmp.resolve("report/inspect.html");
    Cli.Result r = Cli.run("inspect", dataset(true).toString(), "--rules", "aihub.sidewalk", "--json",
        "--html", report.toString());
    assertEquals(1, r.exitCode(), r.toString());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(2, j.get("findings").asInt(), r.out());
    assertEquals(1, j.get("byRule").get("sidewalk.min-size").asInt());
    assertEquals(1, j.get("byRule").get("sidewalk.surface-overlap").asInt());
    JsonNode overlap = null;
    for (JsonNode f : j.get("shown")) if (f.get("rule").asText().equals("sidewalk.surface-overlap")) overlap = f;
    assertEquals("img1", overlap.get("item").asText());
    assertEquals("s2", overlap.get("annotation").asText());
    assertEquals("s1", overlap.get("related").asText());
    assertEquals(70.0 * 180, overlap.get("value").asDouble());

    String html = Files.readString(report);
    assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(report)));
    assertTrue(html.contains("item img1"), html);
    assertFalse(html.contains("item img0"), "clean items are not listed");
    Matcher m = Pattern.compile("src=\"data:image/png;base64,([^\"]+)\"").matcher(html);
    assertTrue(m.find());
    BufferedImage drawn = ImageIO.read(new java.io.ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
    assertEquals(640, drawn.getWidth());
    // The offending roadway (x 250..570) is outlined in red over the grey road; its left edge is at x=250.
    Color edge = new Color(drawn.getRGB(250, 300));
    assertTrue(edge.getRed() > 200 && edge.getGreen() < 120, "red outline expected, got " + edge);
    // The sidewalk it covers (x 0..320) is dashed orange along its top edge.
    Color partner = new Color(drawn.getRGB(2, 181));
    assertTrue(partner.getRed() > 200 && partner.getGreen() > 110 && partner.getBlue() < 90, "orange expected, got " + partner);
    Color untouched = new Color(drawn.getRGB(600, 20));
    assertEquals(new Color(90, 140, 90), untouched);
  }

  @Test void aFailedRunLeavesTheEarlierReportIntact() throws Exception {
    Path data = dataset(true);
    Path report = tmp.resolve("out/report.html");
    assertEquals(1, Cli.run("inspect", data.toString(), "--rules", "aihub.sidewalk", "--html", report.toString()).exitCode());
    String before = Files.readString(report);
    // Break the dataset after its first item: the second run fails with an input error.
    Path shard = data.resolve("items/part-00000.jsonl");
    List<String> lines = Files.readAllLines(shard);
    Files.write(shard, List.of(lines.get(0), "{\"id\": oops"));
    Cli.Result r = Cli.run("inspect", data.toString(), "--rules", "aihub.sidewalk", "--html", report.toString());
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains("part-00000.jsonl:2"), r.err());
    assertEquals(before, Files.readString(report));
    try (var left = Files.list(report.getParent())) {
      assertEquals(List.of("report.html"), left.map(p -> p.getFileName().toString()).toList(), "no staging files left");
    }
  }

  @Test void failOnChoosesTheSeverityThatFails() throws Exception {
    Path pack = Files.writeString(tmp.resolve("warn.yaml"), """
        pack: house
        rules:
          - {id: small, type: min-size, severity: warning, min: 130}
        """);
    Path data = dataset(false);
    assertEquals(0, Cli.run("inspect", data.toString(), "--rules", pack.toString()).exitCode());
    Cli.Result r = Cli.run("inspect", data.toString(), "--rules", pack.toString(), "--fail-on", "warning");
    assertEquals(1, r.exitCode(), r.toString());
    assertTrue(r.out().contains("warning small [item img0 ann b1]"), r.out());
    // The same pack as JSON, at info severity.
    Path json = Files.writeString(tmp.resolve("house.json"),
        "{\"pack\":\"house\",\"rules\":[{\"id\":\"small\",\"type\":\"min-size\",\"severity\":\"info\",\"min\":130}]}");
    assertEquals(0, Cli.run("inspect", data.toString(), "--rules", json.toString(), "--fail-on", "warning").exitCode());
    assertEquals(1, Cli.run("inspect", data.toString(), "--rules", json.toString(), "--fail-on", "info").exitCode());
  }

  @Test void badPackIsAnInputErrorAndBadOptionsAreUsageErrors() throws Exception {
    Path data = dataset(false);
    Path pack = Files.writeString(tmp.resolve("bad.yaml"), "pack: x\nrules:\n  - {id: r, type: min-size}\n");
    Cli.Result bad = Cli.run("inspect", data.toString(), "--rules", pack.toString());
    assertEquals(3, bad.exitCode(), bad.toString());
    assertTrue(bad.err().contains("bad.yaml") && bad.err().contains("needs 'min'"), bad.err());
    assertEquals(3, Cli.run("inspect", data.toString(), "--rules", "aihub.nothing").exitCode());
    assertEquals(2, Cli.run("inspect", data.toString(), "--rules", "aihub.ocr", "--fail-on", "fatal").exitCode());
    Cli.Result noPack = Cli.run("inspect", data.toString());
    assertEquals(2, noPack.exitCode(), noPack.toString());
    assertTrue(noPack.err().contains("--rules"), noPack.err());
    assertEquals(0, Cli.run("inspect", "--help").exitCode());
  }
}
