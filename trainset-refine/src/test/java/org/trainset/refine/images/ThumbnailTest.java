package org.trainset.refine.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.refine.Html;
import org.trainset.testkit.images.SyntheticImages;

/** The HTML pages' thumbnails: reduced-size libjpeg-turbo decode for JPEGs, ImageIO for the rest; same picture. */
class ThumbnailTest {
  @TempDir Path tmp;

  @Test void jpegThumbnailHasTheSizeAndContentOfAFullDecodeScaledDown() throws Exception {
    BufferedImage scene = SyntheticImages.scene(7, 640, 480);
    Path jpg = tmp.resolve("a.jpg");
    ImageFixtures.jpeg(scene, jpg, 0.9f);
    byte[] fast = ReducedJpeg.thumbnail(Files.readAllBytes(jpg), 200);
    assertNotNull(fast, "a JPEG takes the reduced-decode path");
    BufferedImage t = ImageIO.read(new ByteArrayInputStream(fast));
    assertEquals(200, t.getWidth());
    assertEquals(150, t.getHeight());
    // Same picture as the ImageIO path (PNG input takes it): mean absolute grey difference small.
    Path png = tmp.resolve("a.png");
    ImageIO.write(scene, "png", png.toFile());
    String slow = Html.thumbnail(png, 200);
    BufferedImage s = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(slow.substring(slow.indexOf(',') + 1))));
    assertEquals(200, s.getWidth());
    assertEquals(150, s.getHeight());
    double diff = 0;
    for (int y = 0; y < 150; y++) {
      for (int x = 0; x < 200; x++) diff += Math.abs(grey(t.getRGB(x, y)) - grey(s.getRGB(x, y)));
    }
    diff /= 200 * 150;
    assertTrue(diff < 12, "mean grey difference " + diff);
    assertTrue(Html.thumbnail(jpg, 200).startsWith("data:image/jpeg;base64,"));
  }

  @Test void smallJpegIsNotEnlargedAndNonJpegIsLeftToImageIo() throws Exception {
    Path jpg = tmp.resolve("small.jpg");
    ImageFixtures.jpeg(SyntheticImages.scene(3, 120, 90), jpg, 0.9f);
    BufferedImage t = ImageIO.read(new ByteArrayInputStream(ReducedJpeg.thumbnail(Files.readAllBytes(jpg), 200)));
    assertEquals(120, t.getWidth());
    assertEquals(90, t.getHeight());
    assertEquals(null, ReducedJpeg.thumbnail(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0, 0, 0, 0, 0}, 200));
  }

  private static int grey(int rgb) {
    return (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
  }
}
