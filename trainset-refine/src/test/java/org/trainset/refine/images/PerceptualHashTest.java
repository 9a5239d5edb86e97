package org.trainset.refine.images;

import org.trainset.testkit.images.SyntheticImages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reduced-size JPEG path against a full decode, and the edits a near-duplicate must survive
 * at the CLI's default limits (pHash ≤ 10, dHash ≤ 12) — among them the 0.8× resize whose dHash
 * came out 14 before the hashes resized as imagehash does.
 */
class PerceptualHashTest {
  @TempDir Path tmp;

  private Fingerprint write(BufferedImage img, String name, float quality) throws Exception {
    Path f = tmp.resolve(name);
    SyntheticImages.writeJpeg(img, f, quality);
    return Fingerprint.of(f, name);
  }

  @Test void reducedDecodeHashesLikeAFullDecode() throws Exception {
    for (int s = 0; s < 12; s++) {
      Path f = tmp.resolve("s" + s + ".jpg");
      SyntheticImages.writeJpeg(SyntheticImages.scene(500 + s, 640, 480), f, 0.9f);
      byte[] bytes = Files.readAllBytes(f);
      ReducedJpeg.Grey grey = ReducedJpeg.decode(bytes);
      assertNotNull(grey, "a baseline JPEG takes the reduced path");
      assertTrue(grey.width() == 80 && grey.height() == 60 && grey.fullWidth() == 640 && grey.fullHeight() == 480,
          grey.width() + "x" + grey.height());
      long[] reduced = PerceptualHash.ofGrey(grey.pixels(), grey.width(), grey.height());
      long[] full = PerceptualHash.of(ImageIO.read(f.toFile()));
      assertTrue(PerceptualHash.distance(reduced[0], full[0]) <= 4, "pHash reduced vs full, scene " + s);
      assertTrue(PerceptualHash.distance(reduced[1], full[1]) <= 4, "dHash reduced vs full, scene " + s);
    }
  }

  @Test void copiesStayWithinTheDefaultLimitsAndDistinctScenesDoNot() throws Exception {
    List<Fingerprint> originals = new ArrayList<>();
    for (int s = 0; s < 16; s++) {
      BufferedImage img = SyntheticImages.scene(900 + s, 640, 480);
      Fingerprint o = write(img, "o" + s + ".jpg", 0.9f);
      originals.add(o);
      Fingerprint[] copies = {
          write(img, "q50-" + s + ".jpg", 0.5f),
          write(img, "q30-" + s + ".jpg", 0.3f),
          write(SyntheticImages.resized(img, 0.8), "r08-" + s + ".jpg", 0.9f),
          write(SyntheticImages.resized(img, 0.5), "r05-" + s + ".jpg", 0.9f),
          write(SyntheticImages.resized(img, 1.25), "r125-" + s + ".jpg", 0.9f),
          write(SyntheticImages.cropped(img, 0.02), "c2-" + s + ".jpg", 0.9f),
          write(SyntheticImages.cropped(img, 0.04), "c4-" + s + ".jpg", 0.9f)};
      String[] kinds = {"q50", "q30", "resize 0.8", "resize 0.5", "resize 1.25", "crop 2%", "crop 4%"};
      for (int k = 0; k < copies.length; k++) {
        int p = PerceptualHash.distance(o.phash(), copies[k].phash()), d = PerceptualHash.distance(o.dhash(), copies[k].dhash());
        assertTrue(p <= 10 && d <= 12, kinds[k] + " of scene " + s + ": pHash " + p + ", dHash " + d);
      }
    }
    for (int a = 0; a < originals.size(); a++) {
      for (int b = a + 1; b < originals.size(); b++) {
        Fingerprint x = originals.get(a), y = originals.get(b);
        assertTrue(PerceptualHash.distance(x.phash(), y.phash()) > 10 || PerceptualHash.distance(x.dhash(), y.dhash()) > 12,
            "distinct scenes " + a + " and " + b + " look alike");
      }
    }
  }

  @Test void readsTheFrameHeaderAndLeavesOtherFilesToImageIo() throws Exception {
    Path f = tmp.resolve("a.jpg");
    SyntheticImages.writeJpeg(SyntheticImages.scene(1, 123, 45), f, 0.8f);
    assertArrayEquals(new int[] {123, 45}, ReducedJpeg.size(Files.readAllBytes(f)));
    Path png = tmp.resolve("a.png");
    ImageIO.write(SyntheticImages.scene(1, 64, 48), "png", png.toFile());
    assertNull(ReducedJpeg.decode(Files.readAllBytes(png)));
    Fingerprint p = Fingerprint.of(png, "a");
    assertTrue(p.width() == 64 && p.height() == 48);
    assertNull(ReducedJpeg.size(new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 0, 0}));
  }
}
