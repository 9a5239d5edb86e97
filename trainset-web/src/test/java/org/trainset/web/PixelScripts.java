package org.trainset.web;

/** JavaScript the browser tests evaluate in the page to read canvas pixels, and a pixel count of element screenshots. */
final class PixelScripts {
  private PixelScripts() {}

  /** Share of an element screenshot's pixels within {@code tolerance} of {@code rgb} in every channel. */
  static double share(byte[] png, int[] rgb, int tolerance) throws java.io.IOException {
    java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
    int near = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int p = img.getRGB(x, y);
        if (Math.abs(((p >> 16) & 255) - rgb[0]) < tolerance && Math.abs(((p >> 8) & 255) - rgb[1]) < tolerance
            && Math.abs((p & 255) - rgb[2]) < tolerance) near++;
      }
    }
    return near / (double) (img.getWidth() * img.getHeight());
  }

  /** Counts pixels close to (r, g, b) over every canvas matching {@code selector}. */
  static final String COUNT_COLOUR = """
      ({selector, r, g, b}) => {
        let n = 0;
        for (const c of document.querySelectorAll(selector)) {
          const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          for (let i = 0; i < d.length; i += 4) {
            if (d[i + 3] > 200 && Math.abs(d[i] - r) < 40 && Math.abs(d[i + 1] - g) < 40 && Math.abs(d[i + 2] - b) < 40) n++;
          }
        }
        return n;
      }""";

  /**
   * The annotation layer's RGBA at media point (x, y): the most opaque pixel of the 3×3 block
   * around it (lines are 2 px wide and anti-aliased). The stage's canvases are, in order, media,
   * annotations, interaction.
   */
  static final String ANNOTATION_PIXEL = """
      ({x, y}) => {
        const v = window.trainset.viewer;
        const [sx, sy] = v.toScreen(x, y);
        const canvas = document.querySelectorAll('#viewer-stage canvas')[1];
        const ratio = canvas.width / canvas.clientWidth;
        const d = canvas.getContext('2d').getImageData(Math.round(sx * ratio) - 1, Math.round(sy * ratio) - 1, 3, 3).data;
        let best = [0, 0, 0, 0];
        for (let i = 0; i < d.length; i += 4) if (d[i + 3] > best[3]) best = [d[i], d[i + 1], d[i + 2], d[i + 3]];
        return best;
      }""";
}
