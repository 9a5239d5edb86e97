package org.trainset.families.xray;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Random;
import org.trainset.families.samples.SampleImages;

/**
 * A bag under one maker's dual-energy pseudo-colours (organic orange, inorganic green, metal
 * blue, each maker its own shades): ordinary goods and prohibited objects drawn translucent, as
 * an X-ray shows overlapping things.
 */
final class XrayScene {
  static final int WIDTH = 640;
  static final int HEIGHT = 480;

  /** background, organic, inorganic, metal per maker. */
  static final Map<String, Color[]> PALETTES = Map.of(
      "Astrophysics", new Color[] {new Color(245, 245, 245), new Color(230, 150, 60), new Color(90, 170, 80), new Color(40, 60, 160)},
      "Rapiscan", new Color[] {new Color(250, 250, 238), new Color(240, 172, 92), new Color(122, 190, 70), new Color(30, 40, 120)},
      "Smith", new Color[] {new Color(235, 240, 250), new Color(210, 140, 40), new Color(60, 150, 120), new Color(20, 20, 100)});

  /** Unit-square outlines of the drawn categories and their size in pixels. */
  static final Map<String, double[]> TEMPLATES = Map.of(
      "Knife", new double[] {0, 0.4, 0.6, 0.4, 1, 0.5, 0.6, 0.6, 0, 0.6},
      "Lighter", new double[] {0, 0, 1, 0, 1, 1, 0, 1},
      "Aerosol", new double[] {0.2, 0, 0.8, 0, 0.8, 0.1, 1, 0.15, 1, 1, 0, 1, 0, 0.15, 0.2, 0.1},
      "SupplymentaryBattery", new double[] {0, 0, 1, 0, 1, 1, 0, 1},
      "PrtableGas", new double[] {0.3, 0, 0.7, 0, 0.7, 0.12, 1, 0.2, 1, 1, 0, 1, 0, 0.2, 0.3, 0.12},
      "Hammer", new double[] {0, 0, 1, 0, 1, 0.25, 0.6, 0.25, 0.6, 1, 0.4, 1, 0.4, 0.25, 0, 0.25},
      "Throwing Knife", new double[] {0.5, 0, 0.6, 0.4, 1, 0.5, 0.6, 0.6, 0.5, 1, 0.4, 0.6, 0, 0.5, 0.4, 0.4});
  static final Map<String, int[]> SIZES = Map.of("Knife", new int[] {170, 60}, "Lighter", new int[] {32, 62},
      "Aerosol", new int[] {52, 130}, "SupplymentaryBattery", new int[] {72, 118}, "PrtableGas", new int[] {60, 140},
      "Hammer", new int[] {100, 150}, "Throwing Knife", new int[] {76, 76});

  final BufferedImage image;
  private final Graphics2D g;
  private final Color[] palette;
  private final Random rnd;

  XrayScene(String maker, Random rnd) {
    this.rnd = rnd;
    palette = PALETTES.get(maker);
    image = SampleImages.canvas(WIDTH, HEIGHT, palette[0]);
    g = SampleImages.graphics(image);
    g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.75f));
    g.setColor(palette[1]);
    g.fillRoundRect(40, 40, WIDTH - 80, HEIGHT - 80, 40, 40);
  }

  /** Ordinary goods: clothes (organic) and a bottle (inorganic). */
  void goods() {
    g.setColor(palette[1].darker());
    g.fillOval(80 + rnd.nextInt(300), 80 + rnd.nextInt(200), 180, 110);
    g.setColor(palette[2]);
    g.fillRoundRect(100 + rnd.nextInt(380), 90 + rnd.nextInt(220), 50, 140, 16, 16);
  }

  /** A prohibited object of {@code category} at (x, y); returns its outline. */
  Polygon object(String category, int x, int y) {
    double[] t = TEMPLATES.get(category);
    int[] size = SIZES.get(category);
    Polygon p = new Polygon();
    for (int i = 0; i < t.length; i += 2) {
      p.addPoint(x + (int) Math.round(t[i] * size[0]), y + (int) Math.round(t[i + 1] * size[1]));
    }
    g.setColor(palette[3]);
    g.fillPolygon(p);
    return p;
  }

  static int[] size(String category) {
    return SIZES.get(category);
  }

  BufferedImage finish() {
    g.dispose();
    SampleImages.noise(image, rnd, 3);
    return image;
  }
}
