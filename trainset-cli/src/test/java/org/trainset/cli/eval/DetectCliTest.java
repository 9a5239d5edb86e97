package org.trainset.cli.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trainset.cli.Cli;
import org.trainset.testkit.SharedFixtures;

/** {@code trainset eval detect} against every pycocotools golden case, through the real CLI. */
class DetectCliTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"bbox_simple", "bbox_crowd", "bbox_empty_and_missing", "bbox_ties", "bbox_areas",
      "bbox_maxdets", "bbox_random_large", "segm_poly_rle", "keypoints"})
  void statsAndSummaryTextMatchPycocotools(String name) throws Exception {
    Path dir = SharedFixtures.golden("coco-eval/" + name);
    JsonNode expected = MAPPER.readTree(dir.resolve("expected.json").toFile());
    String type = expected.get("iouType").asText();
    String[] base = {"eval", "detect", "--truth", dir.resolve("gt.json").toString(), "--pred",
        dir.resolve("dt.json").toString(), "--iou-type", type, "-q"};
    Cli.Result json = Cli.run(concat(base, "--json"));
    assertEquals(0, json.exitCode(), json.toString());
    JsonNode got = MAPPER.readTree(json.out()).get("stats");
    JsonNode want = expected.get("stats");
    assertEquals(want.size(), got.size());
    for (int i = 0; i < want.size(); i++) {
      assertEquals(want.get(i).asDouble(), got.get(i).asDouble(), 1e-9, name + " stats[" + i + "]");
    }
    Cli.Result text = Cli.run(base);
    assertEquals(0, text.exitCode(), text.toString());
    List<String> lines = text.out().lines().toList();
    JsonNode summary = expected.get("summary_text");
    for (int i = 0; i < summary.size(); i++) {
      assertEquals(summary.get(i).asText(), lines.get(i), name + " summary line " + i);
    }
  }

  @Test
  void drawsPrecisionRecallCurves() throws Exception {
    Path dir = SharedFixtures.golden("coco-eval/bbox_random_large");
    Path png = tmp.resolve("pr.png");
    Cli.Result r = Cli.run("eval", "detect", "--truth", dir.resolve("gt.json").toString(), "--pred",
        dir.resolve("dt.json").toString(), "--plot", png.toString(), "-q");
    assertEquals(0, r.exitCode(), r.toString());
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(900, img.getWidth());
    assertTrue(colouredPixels(img) > 1000, "curves are drawn");
  }

  @Test
  void badInputIsExit3WithFileAndLine() throws Exception {
    Path gt = SharedFixtures.golden("coco-eval/bbox_simple/gt.json");
    Path dt = tmp.resolve("dt.json");
    Files.writeString(dt, "[\n{\"image_id\":1,\"category_id\":1,\"bbox\":[1,2,3,4],\"score\":0.5},\n"
        + "{\"image_id\":1,\"category_id\":1,\"bbox\":[1,2,3,4],\"score\":\"high\"}\n]\n");
    Cli.Result r = Cli.run("eval", "detect", "--truth", gt.toString(), "--pred", dt.toString());
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains("dt.json:3"), r.err());
    assertTrue(r.err().contains("score"), r.err());
    Files.writeString(dt, "[{\"image_id\":999,\"category_id\":1,\"bbox\":[1,2,3,4],\"score\":0.5}]");
    r = Cli.run("eval", "detect", "--truth", gt.toString(), "--pred", dt.toString());
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains("image 999"), r.err());
    r = Cli.run("eval", "detect", "--truth", gt.toString(), "--pred", dt.toString(), "--iou-type", "boxes");
    assertEquals(2, r.exitCode(), r.toString());
    Files.writeString(dt, "[{\"image_id\":1,\"category_id\":1,\"segmentation\":{\"size\":[60,80],\"counts\":\"0a\"},\"score\":0.5}]");
    Path segmGt = SharedFixtures.golden("coco-eval/segm_poly_rle/gt.json");
    r = Cli.run("eval", "detect", "--truth", segmGt.toString(), "--pred", dt.toString(), "--iou-type", "segm");
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains("dt.json:1") && r.err().contains("coco-segmentation"), r.err());
    Files.writeString(dt, "[{\"image_id\":1,\"category_id\":1,\"bbox\":[1,2,3,4],\"score\":0.5},");
    r = Cli.run("eval", "detect", "--truth", gt.toString(), "--pred", dt.toString());
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains("dt.json"), r.err());
  }

  static long colouredPixels(BufferedImage img) {
    long n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y);
        int r = (rgb >> 16) & 255, g = (rgb >> 8) & 255, b = rgb & 255;
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 80) n++;
      }
    }
    return n;
  }

  private static String[] concat(String[] a, String... b) {
    List<String> l = new ArrayList<>(List.of(a));
    l.addAll(List.of(b));
    return l.toArray(String[]::new);
  }
}
