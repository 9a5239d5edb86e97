package org.trainset.families.ocr;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.trainset.families.samples.KoreanFont;
import org.trainset.families.samples.SampleImages;

/**
 * Draws one text-in-the-wild style photo: a signboard with Korean / Latin words laid out in a
 * grid of cells, each word's box taken from the rendered glyphs' pixel bounds so annotations
 * match the picture exactly. Small unreadable text becomes {@code ignored} regions.
 */
final class OcrScene {
  static final int WIDTH = 480;
  static final int HEIGHT = 320;

  /** A drawn text region: its exact pixel box and what was drawn. */
  record Region(String drawn, Rectangle box, boolean small) {}

  final BufferedImage image;
  final List<Region> regions = new ArrayList<>();
  private final Graphics2D g;
  private final Random rnd;
  private final List<Integer> freeCells;
  private final int cols;
  private final int rows;

  OcrScene(Random rnd, int cols, int rows) {
    this.rnd = rnd;
    this.cols = cols;
    this.rows = rows;
    image = SampleImages.canvas(WIDTH, HEIGHT, SampleImages.color(rnd, 150, 230));
    g = SampleImages.graphics(image);
    g.setColor(SampleImages.color(rnd, 20, 90));
    g.fillRoundRect(8, 8, WIDTH - 16, HEIGHT - 16, 24, 24);
    g.setColor(SampleImages.color(rnd, 200, 255));
    g.fillRoundRect(14, 14, WIDTH - 28, HEIGHT - 28, 18, 18);
    freeCells = new ArrayList<>();
    for (int i = 0; i < cols * rows; i++) freeCells.add(i);
    Collections.shuffle(freeCells, rnd);
  }

  boolean hasRoom() {
    return !freeCells.isEmpty();
  }

  /** Draws {@code text} in a free cell, as large as fits (or tiny for ignored text). */
  Region draw(String text, boolean small) throws IOException {
    int cell = freeCells.remove(freeCells.size() - 1);
    int cw = (WIDTH - 40) / cols;
    int ch = (HEIGHT - 40) / rows;
    int cx = 20 + (cell % cols) * cw;
    int cy = 20 + (cell / cols) * ch;
    float size = small ? 9f : Math.min(40f, ch * 0.7f);
    FontRenderContext frc = g.getFontRenderContext();
    GlyphVector gv;
    Rectangle bounds;
    do {
      Font font = KoreanFont.of(size);
      gv = font.createGlyphVector(frc, text);
      bounds = gv.getPixelBounds(frc, 0, 0);
      size -= 2f;
    } while (bounds.width > cw - 8 && size > 8f);
    int x = cx + 4 + rnd.nextInt(Math.max(1, cw - 8 - bounds.width));
    int baseline = cy + 4 - bounds.y + rnd.nextInt(Math.max(1, ch - 8 - bounds.height));
    g.setColor(small ? new Color(90, 90, 90) : SampleImages.color(rnd, 0, 70));
    g.drawGlyphVector(gv, x, baseline);
    Region r = new Region(text, gv.getPixelBounds(frc, x, baseline), small);
    regions.add(r);
    return r;
  }

  BufferedImage finish() {
    g.dispose();
    SampleImages.noise(image, rnd, 4);
    return image;
  }

  /** A printed crop: {@code text} centred on white, tightly sized. */
  static BufferedImage crop(String text, float size) throws IOException {
    Font font = KoreanFont.of(size);
    BufferedImage probe = SampleImages.canvas(1, 1, Color.WHITE);
    Graphics2D pg = SampleImages.graphics(probe);
    Rectangle b = font.createGlyphVector(pg.getFontRenderContext(), text).getPixelBounds(pg.getFontRenderContext(), 0, 0);
    pg.dispose();
    int pad = Math.round(size / 4);
    BufferedImage img = SampleImages.canvas(b.width + 2 * pad, b.height + 2 * pad, Color.WHITE);
    Graphics2D g = SampleImages.graphics(img);
    g.setColor(Color.BLACK);
    g.setFont(font);
    g.drawString(text, pad - b.x, pad - b.y);
    g.dispose();
    return img;
  }
}
