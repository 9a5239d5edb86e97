package org.trainset.cli.refine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;

/**
 * Issue 16 item 14, image quality (seed: blur and shake, exposure, tilt ≥ 30° for sidewalk,
 * X-ray generator noise): {@code trainset quality} drops exactly the images that break a check,
 * with the reason, and keeps the rest.
 */
class QualityCliTest {
  @TempDir Path dir;

  @Test
  void dropsBlurredDarkNoisyAndTiltedImagesWithTheirReasons() throws IOException {
    Path in = Files.createDirectories(dir.resolve("shots"));
    Random rnd = new Random(3);
    write(in.resolve("sharp.png"), (x, y) -> checker(x, y));
    write(in.resolve("level.png"), (x, y) -> checker(x + 5, y));
    write(in.resolve("tilted.png"), (x, y) -> checker(x, y + 3));
    write(in.resolve("blurred.png"), QualityCliTest::blurredChecker);
    write(in.resolve("dark.png"), (x, y) -> checker(x, y) / 12);
    write(in.resolve("noisy.png"), (x, y) -> clamp(checker(x, y) + rnd.nextGaussian() * 30));
    Files.writeString(in.resolve("metadata.csv"), "file_name,tilt\nlevel.png,-12\ntilted.png,-34.5\n");
    Path out = dir.resolve("kept");
    Cli.Result r = Cli.run("quality", in.toString(), "--out", out.toString(), "--min-sharpness", "100",
        "--brightness", "40:220", "--max-noise", "8", "--max-tilt", "30", "--json");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals(6, json.get("items").asInt());
    assertEquals(2, json.get("kept").asInt(), r.out());
    Map<String, String> why = new TreeMap<>();
    for (JsonNode d : json.get("droppedItems")) why.put(d.get("item").asText(), d.get("reasons").toString());
    assertEquals(java.util.Set.of("blurred.png", "dark.png", "noisy.png", "tilted.png"), why.keySet(), r.out());
    assertTrue(why.get("blurred.png").contains("blur"), why.toString());
    assertTrue(why.get("dark.png").contains("underexposed"), why.toString());
    assertTrue(why.get("noisy.png").contains("noise") && !why.get("noisy.png").contains("blur"), why.toString());
    assertTrue(why.get("tilted.png").contains("tilt") && !why.get("tilted.png").contains("blur"), why.toString());
    assertTrue(Files.isRegularFile(dir.resolve("kept").resolve("quality.json")));
    JsonNode stats = new ObjectMapper().readTree(Cli.run("stats", out.toString(), "--json").out());
    assertEquals(2, stats.get("items").asInt(), "the output holds the kept images");
    Cli.Result none = Cli.run("quality", in.toString(), "--out", dir.resolve("x").toString());
    assertEquals(2, none.exitCode(), "no check chosen is a usage error");
  }

  private interface Pixel {
    double at(int x, int y);
  }

  private static double checker(int x, int y) {
    return ((x / 12) + (y / 12)) % 2 == 0 ? 70 : 190;
  }

  /** The checkerboard seen through a strong defocus (a 25 px box average). */
  private static double blurredChecker(int x, int y) {
    double s = 0;
    for (int dy = -12; dy <= 12; dy += 3) for (int dx = -12; dx <= 12; dx += 3) s += checker(x + dx + 24, y + dy + 24);
    return s / 81;
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(255, v));
  }

  private static void write(Path file, Pixel p) throws IOException {
    BufferedImage img = new BufferedImage(160, 120, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 120; y++) for (int x = 0; x < 160; x++) img.getRaster().setSample(x, y, 0, (int) Math.round(p.at(x, y)));
    ImageIO.write(img, "png", file.toFile());
  }
}
