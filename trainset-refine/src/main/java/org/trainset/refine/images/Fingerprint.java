package org.trainset.refine.images;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.trainset.core.io.InputException;

/**
 * What image dedup knows of one file: the SHA-256 of its bytes (exact duplicates) and its
 * perceptual hashes (near duplicates). The file is read once; the bytes feed both. JPEGs are
 * decoded at reduced size and in grey only ({@link ReducedJpeg}: libjpeg-turbo's DCT scaling),
 * since the hashes look at a 32×32 grid; other images, and JPEGs that path cannot read, go
 * through ImageIO.
 */
public record Fingerprint(String sha256, long phash, long dhash, int width, int height) implements java.io.Serializable {

  public static Fingerprint of(Path file, String itemId) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String sha = sha256(bytes);
    ReducedJpeg.Grey grey = ReducedJpeg.decode(bytes);
    if (grey != null) {
      long[] h = PerceptualHash.ofGrey(grey.pixels(), grey.width(), grey.height());
      return new Fingerprint(sha, h[0], h[1], grey.fullWidth(), grey.fullHeight());
    }
    // An in-memory stream: ImageIO.read(InputStream) would spool the bytes to a temporary file.
    BufferedImage image;
    try {
      image = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes)));
    } catch (IOException | RuntimeException e) {
      throw InputException.atItem(file, itemId, "image-decode", "not a readable image (" + shortReason(e) + ")");
    }
    if (image == null) throw InputException.atItem(file, itemId, "image-decode", "not a readable image (no decoder for it)");
    long[] h = PerceptualHash.of(image);
    return new Fingerprint(sha, h[0], h[1], image.getWidth(), image.getHeight());
  }

  private static String shortReason(Exception e) {
    String m = e.getMessage() == null ? "damaged data" : e.getMessage().lines().findFirst().orElse("damaged data");
    return m.length() > 80 ? m.substring(0, 80) + "…" : m;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
