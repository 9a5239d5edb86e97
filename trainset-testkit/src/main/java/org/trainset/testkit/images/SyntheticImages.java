package org.trainset.testkit.images;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Seeded photo-like test scenes (gradient sky, shapes, texture) and the edits a collection pipeline
 * makes to copies: re-encoding, resizing, slight crops. For tests and benchmarks.
 */
public final class SyntheticImages {
  private SyntheticImages() {}

  public static BufferedImage scene(long seed, int w, int h) {
    SplittableRandom r = new SplittableRandom(seed);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setPaint(new GradientPaint(0, 0, color(r), r.nextInt(w), h, color(r)));
    g.fillRect(0, 0, w, h);
    int shapes = 6 + r.nextInt(8);
    for (int s = 0; s < shapes; s++) {
      g.setColor(color(r));
      int x = r.nextInt(w), y = r.nextInt(h), sw = w / 10 + r.nextInt(w / 2), sh = h / 10 + r.nextInt(h / 2);
      switch (r.nextInt(3)) {
        case 0 -> g.fillOval(x - sw / 2, y - sh / 2, sw, sh);
        case 1 -> g.fillRect(x - sw / 2, y - sh / 2, sw, sh);
        default -> {
          g.setStroke(new BasicStroke(3 + r.nextInt(10)));
          g.drawLine(x, y, r.nextInt(w), r.nextInt(h));
        }
      }
    }
    g.dispose();
    for (int k = 0; k < w * h / 20; k++) { // light texture so JPEG has something to lose
      int x = r.nextInt(w), y = r.nextInt(h);
      int p = img.getRGB(x, y), d = r.nextInt(31) - 15;
      img.setRGB(x, y, new Color(clamp(((p >> 16) & 255) + d), clamp(((p >> 8) & 255) + d), clamp((p & 255) + d)).getRGB());
    }
    return img;
  }

  public static BufferedImage resized(BufferedImage src, double factor) {
    int w = Math.max(1, (int) Math.round(src.getWidth() * factor)), h = Math.max(1, (int) Math.round(src.getHeight() * factor));
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(src, 0, 0, w, h, null);
    g.dispose();
    return out;
  }

  /** Cuts {@code share} of the width and height off, split between the sides. */
  public static BufferedImage cropped(BufferedImage src, double share) {
    int dx = (int) Math.round(src.getWidth() * share / 2), dy = (int) Math.round(src.getHeight() * share / 2);
    BufferedImage sub = src.getSubimage(dx, dy, src.getWidth() - 2 * dx, src.getHeight() - 2 * dy);
    BufferedImage out = new BufferedImage(sub.getWidth(), sub.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
    out.getGraphics().drawImage(sub, 0, 0, null);
    return out;
  }

  /** Writes {@code img} as a baseline JPEG of the given quality (0..1). */
  public static void writeJpeg(BufferedImage img, Path file, float quality) throws IOException {
    ImageWriter w = ImageIO.getImageWritersByFormatName("jpg").next();
    ImageWriteParam p = w.getDefaultWriteParam();
    p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    p.setCompressionQuality(quality);
    if (file.getParent() != null) Files.createDirectories(file.getParent());
    Files.deleteIfExists(file);
    try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
      w.setOutput(out);
      w.write(null, new IIOImage(img, null, null), p);
    } finally {
      w.dispose();
    }
  }

  private static Color color(SplittableRandom r) {
    return new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256));
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }
}
