package org.trainset.refine;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.trainset.refine.images.ReducedJpeg;

/** Small helpers for the self-contained HTML pages refinement writes (reports, review sheets). */
public final class Html {
  private Html() {}

  /** A JPEG thumbnail (longest side {@code max} px) as a {@code data:} URI, so the page needs no other files. */
  public static String thumbnail(BufferedImage image, int max) throws IOException {
    double scale = Math.min(1.0, (double) max / Math.max(image.getWidth(), image.getHeight()));
    int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
    int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
    BufferedImage t = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = t.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(image, 0, 0, w, h, null);
    g.dispose();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(t, "jpg", bytes);
    return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  public static String thumbnail(Path file, int max) throws IOException {
    byte[] fast = ReducedJpeg.thumbnail(java.nio.file.Files.readAllBytes(file), max);
    if (fast != null) return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(fast);
    // Decode only every k-th pixel of images larger than the thumbnail (the reader then converts
    // and stores a k²-th of the pixels, still at least the thumbnail's size); bilinear does the rest.
    try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      java.util.Iterator<javax.imageio.ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) throw new IOException("cannot decode " + file);
      javax.imageio.ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int longest = Math.max(reader.getWidth(0), reader.getHeight(0));
        javax.imageio.ImageReadParam param = reader.getDefaultReadParam();
        int k = Math.max(1, longest / max);
        if (k > 1) param.setSourceSubsampling(k, k, 0, 0);
        return thumbnail(reader.read(0, param), max);
      } finally {
        reader.dispose();
      }
    }
  }

  public static final String STYLE = "body{font-family:sans-serif;margin:1.5em;color:#222}"
      + "h1{font-size:1.4em}section{border:1px solid #ccc;border-radius:6px;padding:.6em;margin:.8em 0}"
      + "figure{display:inline-block;margin:.3em;vertical-align:top;text-align:center;font-size:.8em}"
      + "figure img{display:block;border:4px solid #999;max-width:340px}"
      + "figure.keep img{border-color:#2a2}figure.exact img,figure.near img{border-color:#c33}"
      + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;font-size:.85em}";
}
