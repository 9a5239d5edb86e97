package org.trainset.core.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sizes parsed from JPEG/PNG headers directly agree with ImageIO's, including headers past the parsed prefix. */
class ImageHeaderProbeTest {
  @TempDir Path tmp;

  @Test void jpegAndPngSizesFromTheHeader() throws Exception {
    BufferedImage img = new BufferedImage(321, 123, BufferedImage.TYPE_INT_RGB);
    Path jpg = tmp.resolve("a.jpg"), png = tmp.resolve("a.png"), misnamed = tmp.resolve("b.png");
    ImageIO.write(img, "jpg", jpg.toFile());
    ImageIO.write(img, "png", png.toFile());
    Files.copy(jpg, misnamed);
    assertArrayEquals(new int[] {321, 123}, ImageHeaderProbe.size(jpg));
    assertArrayEquals(new int[] {321, 123}, ImageHeaderProbe.size(png));
    assertArrayEquals(new int[] {321, 123}, ImageHeaderProbe.size(misnamed), "content decides, not the name");
    byte[] bytes = Files.readAllBytes(jpg);
    assertArrayEquals(new int[] {321, 123}, ImageHeaderProbe.jpegSize(bytes, bytes.length));
    assertNull(ImageHeaderProbe.jpegSize(bytes, 20), "frame header not within the bytes given");
  }

  @Test void frameHeaderAfterLargeSegmentsFallsBackToImageIo() throws Exception {
    BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    ImageIO.write(img, "jpg", plain);
    byte[] p = plain.toByteArray();
    // Two 60 KB APP15 segments right after SOI push the frame header beyond the 64 KB read.
    ByteArrayOutputStream big = new ByteArrayOutputStream();
    big.write(p, 0, 2);
    for (int k = 0; k < 2; k++) {
      int len = 60_000;
      big.write(new byte[] {(byte) 0xFF, (byte) 0xEF, (byte) (len >> 8), (byte) len});
      big.write(new byte[len - 2]);
    }
    big.write(p, 2, p.length - 2);
    Path f = tmp.resolve("big.jpg");
    Files.write(f, big.toByteArray());
    assertArrayEquals(new int[] {64, 48}, ImageHeaderProbe.size(f));
    Path junk = tmp.resolve("junk.jpg");
    Files.write(junk, new byte[] {1, 2, 3});
    assertNull(ImageHeaderProbe.size(junk));
  }
}
