package org.trainset.families.sidewalk;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.trainset.families.samples.KoreanFont;
import org.trainset.families.samples.SampleImages;

/**
 * A sidewalk photo seen from a wheelchair user's height: sky, shop fronts, pavement, roadway,
 * and obstacles drawn as simple shapes whose outlines are the polygons and whose extents are the
 * boxes.
 */
final class SidewalkScene {
  static final int WIDTH = 640;
  static final int HEIGHT = 360;
  static final int HORIZON = 150;

  record Drawn(String label, Polygon outline) {
    Rectangle box() { return outline.getBounds(); }
  }

  final BufferedImage image;
  final Graphics2D g;
  private final Random rnd;
  final List<Drawn> drawn = new ArrayList<>();

  SidewalkScene(Random rnd) throws IOException {
    this.rnd = rnd;
    image = SampleImages.canvas(WIDTH, HEIGHT, new Color(175, 205, 235));
    g = SampleImages.graphics(image);
    g.setColor(new Color(150, 130, 120));
    g.fillRect(0, 60, WIDTH, HORIZON - 60);
    g.setFont(KoreanFont.of(18f));
    String[] shops = {"약국", "편의점", "카페", "분식"};
    for (int s = 0; s < 4; s++) {
      g.setColor(new Color(60 + 30 * s, 70, 90));
      g.fillRect(10 + s * 160, 70, 140, 26);
      g.setColor(Color.WHITE);
      g.drawString(shops[(s + rnd.nextInt(4)) % 4], 30 + s * 160, 90);
    }
    g.setColor(new Color(190, 180, 165));
    g.fillRect(0, HORIZON, WIDTH, HEIGHT - HORIZON);
    g.setColor(new Color(80, 80, 85));
    g.fillPolygon(new int[] {430, WIDTH, WIDTH}, new int[] {HORIZON, HORIZON, HEIGHT}, 3);
  }

  /** Draws an obstacle of {@code label} with its foot at (x, y) scaled by {@code s}. */
  Drawn obstacle(String label, int x, int y, double s) {
    Polygon p = switch (label) {
      case "person" -> person(x, y, s);
      case "car" -> rect(x, y, (int) (150 * s), (int) (70 * s), new Color(150, 20, 30));
      case "tree_trunk" -> rect(x, y, (int) (22 * s), (int) (150 * s), new Color(100, 70, 40));
      case "bollard" -> rect(x, y, (int) (16 * s), (int) (70 * s), new Color(230, 200, 40));
      case "pole" -> rect(x, y, (int) (10 * s), (int) (190 * s), new Color(120, 120, 125));
      case "bench" -> rect(x, y, (int) (120 * s), (int) (40 * s), new Color(140, 90, 50));
      case "potted_plant" -> plant(x, y, s);
      // Tall enough (72 px at the smallest scale) to be annotated: the guideline skips objects <= 64 px.
      case "fire_hydrant" -> rect(x, y, (int) (34 * s), (int) (72 * s), new Color(200, 30, 30));
      case "traffic_sign" -> sign(x, y, s);
      default -> rect(x, y, (int) (60 * s), (int) (90 * s), new Color(90, 110, 140)); // kiosk and the rest
    };
    Drawn d = new Drawn(label, p);
    drawn.add(d);
    return d;
  }

  private Polygon rect(int x, int y, int w, int h, Color c) {
    g.setColor(c);
    g.fillRect(x, y - h, w, h);
    return new Polygon(new int[] {x, x + w, x + w, x}, new int[] {y - h, y - h, y, y}, 4);
  }

  private Polygon person(int x, int y, double s) {
    int w = (int) (34 * s);
    int h = (int) (120 * s);
    int head = (int) (22 * s);
    g.setColor(SampleImages.color(rnd, 30, 160));
    Polygon body = new Polygon(new int[] {x, x + w, x + w - 4, x + 4}, new int[] {y - h + head, y - h + head, y, y}, 4);
    g.fillPolygon(body);
    g.setColor(new Color(225, 190, 160));
    g.fillOval(x + (w - head) / 2, y - h, head, head);
    return new Polygon(new int[] {x + (w - head) / 2, x + (w + head) / 2, x + w, x + w - 4, x + 4, x},
        new int[] {y - h, y - h, y - h + head, y, y, y - h + head}, 6);
  }

  private Polygon plant(int x, int y, double s) {
    int w = (int) (40 * s);
    g.setColor(new Color(150, 80, 50));
    g.fillRect(x, y - w, w, w);
    g.setColor(new Color(40, 130, 50));
    Polygon leaves = new Polygon(new int[] {x - w / 4, x + w / 2, x + w + w / 4}, new int[] {y - w, y - 2 * w - w / 2, y - w}, 3);
    g.fillPolygon(leaves);
    return new Polygon(new int[] {x - w / 4, x + w / 2, x + w + w / 4, x + w, x + w, x, x},
        new int[] {y - w, y - 2 * w - w / 2, y - w, y - w, y, y, y - w}, 7);
  }

  private Polygon sign(int x, int y, double s) {
    int h = (int) (150 * s);
    int w = (int) (80 * s);
    g.setColor(new Color(110, 110, 110));
    g.fillRect(x + w / 2 - 3, y - h, 6, h);
    g.setColor(new Color(20, 70, 160));
    g.fillRect(x, y - h, w, (int) (40 * s));
    g.setColor(Color.WHITE);
    g.setFont(g.getFont().deriveFont((float) (16 * s)));
    g.drawString("보행자", x + 6, y - h + (int) (26 * s));
    return new Polygon(new int[] {x, x + w, x + w, x + w / 2 + 3, x + w / 2 + 3, x + w / 2 - 3, x + w / 2 - 3, x},
        new int[] {y - h, y - h, y - h + (int) (40 * s), y - h + (int) (40 * s), y, y, y - h + (int) (40 * s),
            y - h + (int) (40 * s)}, 8);
  }

  BufferedImage finish() {
    g.dispose();
    SampleImages.noise(image, rnd, 3);
    return image;
  }
}
