package org.trainset.refine.images;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import org.trainset.core.io.InputException;

/**
 * What image dedup knows of one file: the SHA-256 of its bytes (exact duplicates) and its
 * perceptual hashes (near duplicates). The file is read once; the bytes feed both.
 */
public record Fingerprint(String sha256, long phash, long dhash, int width, int height) implements java.io.Serializable {

  public static Fingerprint of(Path file, String itemId) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    // An in-memory stream: ImageIO.read(InputStream) would spool the bytes to a temporary file.
    BufferedImage image = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes)));
    if (image == null) throw InputException.atItem(file, itemId, "image-decode", "not a readable image (ImageIO has no decoder for it)");
    long[] h = PerceptualHash.of(image);
    return new Fingerprint(sha256(bytes), h[0], h[1], image.getWidth(), image.getHeight());
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
