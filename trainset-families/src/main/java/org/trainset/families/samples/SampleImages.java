package org.trainset.families.samples;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Deterministic image drawing and encoding for sample generators: the same calls give the same
 * bytes (no timestamps, fixed JPEG quality, no anti-aliasing that could vary by pipeline).
 */
public final class SampleImages {
  private SampleImages() {}

  /** A new RGB canvas filled with {@code background}. */
  public static BufferedImage canvas(int width, int height, Color background) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(background);
    g.fillRect(0, 0, width, height);
    g.dispose();
    return img;
  }

  /** Graphics with fixed rendering hints so output never depends on platform defaults. */
  public static Graphics2D graphics(BufferedImage img) {
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
    return g;
  }

  /** A muted random colour (backgrounds, shapes). */
  public static Color color(Random rnd, int min, int max) {
    return new Color(min + rnd.nextInt(max - min), min + rnd.nextInt(max - min), min + rnd.nextInt(max - min));
  }

  /** Adds light deterministic noise so images are not trivially compressible or identical. */
  public static void noise(BufferedImage img, Random rnd, int amplitude) {
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        int rgb = img.getRGB(x, y);
        int d = rnd.nextInt(2 * amplitude + 1) - amplitude;
        int r = clamp(((rgb >> 16) & 255) + d);
        int gg = clamp(((rgb >> 8) & 255) + d);
        int b = clamp((rgb & 255) + d);
        img.setRGB(x, y, (r << 16) | (gg << 8) | b);
      }
    }
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  /** Writes a baseline JPEG at a fixed quality. */
  public static void writeJpeg(BufferedImage img, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (OutputStream os = Files.newOutputStream(file); ImageOutputStream ios = ImageIO.createImageOutputStream(os)) {
      writer.setOutput(ios);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.85f);
      writer.write(null, new IIOImage(img, null, null), param);
    } finally {
      writer.dispose();
    }
  }

  /** Writes a PNG. */
  public static void writePng(BufferedImage img, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    if (!ImageIO.write(img, "png", file.toFile())) throw new IOException("no PNG writer available");
  }
}
