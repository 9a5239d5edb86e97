package org.trainset.families.objects;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Random;
import org.trainset.families.samples.KoreanFont;
import org.trainset.families.samples.SampleImages;

/** Draws the three kinds of subject (heritage building, product, landmark) and returns their extents. */
final class ObjectScene {
  static final int WIDTH = 640;
  static final int HEIGHT = 480;
  final BufferedImage image;
  private final Graphics2D g;
  private final Random rnd;

  ObjectScene(Random rnd, boolean indoor) {
    this.rnd = rnd;
    image = SampleImages.canvas(WIDTH, HEIGHT, indoor ? new Color(235, 232, 226) : new Color(170, 200, 235));
    g = SampleImages.graphics(image);
    if (!indoor) {
      g.setColor(new Color(120, 140, 90));
      g.fillRect(0, HEIGHT * 2 / 3, WIDTH, HEIGHT / 3);
    }
  }

  /** A stone pagoda of {@code storeys} roofs centred at x, standing on the ground line. */
  Rectangle pagoda(int cx, int storeys) {
    int base = HEIGHT * 2 / 3 + 30;
    int y = base;
    int w = 150;
    g.setColor(new Color(150, 148, 140));
    int top = y;
    for (int s = 0; s < storeys; s++) {
      int bodyH = 34;
      g.fillRect(cx - w / 4, y - bodyH, w / 2, bodyH);
      g.setColor(new Color(110, 108, 100));
      g.fillRect(cx - w / 2, y - bodyH - 10, w, 10);
      g.setColor(new Color(150, 148, 140));
      y -= bodyH + 10;
      w = w * 5 / 6;
      top = y;
    }
    g.fillRect(cx - 4, top - 30, 8, 30);
    return new Rectangle(cx - 75, top - 30, 150, base - (top - 30));
  }

  /** A hanok house: wall block under a dark tiled roof. */
  Rectangle house(int x, int width) {
    int ground = HEIGHT * 2 / 3 + 20;
    int wallTop = ground - 90;
    g.setColor(new Color(225, 215, 190));
    g.fillRect(x + 15, wallTop, width - 30, 90);
    g.setColor(new Color(120, 70, 40));
    for (int p = x + 25; p < x + width - 25; p += 40) g.fillRect(p, wallTop, 8, 90);
    g.setColor(new Color(60, 60, 70));
    g.fillPolygon(new int[] {x, x + width / 2, x + width}, new int[] {wallTop + 5, wallTop - 60, wallTop + 5}, 3);
    return new Rectangle(x, wallTop - 60, width + 1, ground - (wallTop - 60));
  }

  /** A bag with a handle and a Korean brand label. */
  Rectangle bag(int x, int y, int w, int h, String brand) throws IOException {
    Color c = SampleImages.color(rnd, 60, 200);
    g.setColor(c.darker());
    g.setStroke(new BasicStroke(8));
    g.drawArc(x + w / 4, y, w / 2, h / 2, 0, 180);
    g.setColor(c);
    g.fillRect(x, y + h / 4, w, h * 3 / 4);
    label(brand, x + w / 2, y + h / 2 + 20);
    return new Rectangle(x, y - 4, w, h + 4);
  }

  /** A shoe: sole and upper. */
  Rectangle shoe(int x, int y, int w) {
    g.setColor(SampleImages.color(rnd, 40, 220));
    g.fillOval(x, y, w, w / 3);
    g.fillRect(x, y - w / 4, w / 2, w / 4 + w / 6);
    g.setColor(Color.DARK_GRAY);
    g.fillRect(x, y + w / 3 - 8, w, 8);
    return new Rectangle(x, y - w / 4, w, w / 3 + w / 4);
  }

  /** A tower landmark with a sign carrying its Korean name. */
  Rectangle tower(int cx, String name) throws IOException {
    int ground = HEIGHT * 2 / 3;
    g.setColor(new Color(200, 200, 205));
    g.fillRect(cx - 12, 60, 24, ground - 60);
    g.setColor(new Color(90, 90, 110));
    g.fillOval(cx - 40, 90, 80, 40);
    g.fillRect(cx - 2, 20, 4, 40);
    g.setColor(new Color(30, 70, 40));
    g.fillRect(cx + 60, ground + 20, 140, 44);
    g.setColor(Color.WHITE);
    g.setFont(KoreanFont.of(24f));
    g.drawString(name, cx + 68, ground + 52);
    return new Rectangle(cx - 40, 20, 80, ground - 20);
  }

  private void label(String text, int cx, int baseline) throws IOException {
    g.setFont(KoreanFont.of(22f));
    FontMetrics fm = g.getFontMetrics();
    g.setColor(Color.WHITE);
    g.drawString(text, cx - fm.stringWidth(text) / 2, baseline);
  }

  BufferedImage finish() {
    g.dispose();
    SampleImages.noise(image, rnd, 4);
    return image;
  }
}
