package org.trainset.eval.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A line chart on the unit square (ROC and precision-recall curves): axes with ticks every 0.1,
 * a light grid, axis labels, a title, and a legend in the lower (or upper) right. Drawn with Java2D, written
 * as PNG; no display needed (headless).
 */
public final class CurvePlot {
  private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
      new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};
  private static final int W = 900, H = 760;
  private static final int LEFT = 90, RIGHT = 40, TOP = 60, BOTTOM = 80;

  /** One curve: a legend name and points in [0,1]². */
  public record Series(String name, double[] x, double[] y) {}

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final boolean diagonal;
  private boolean legendTop;
  private final List<Series> series = new ArrayList<>();
  private final List<Marker> markers = new ArrayList<>();

  /** A labelled point, e.g. the operating point at the chosen threshold. */
  public record Marker(String label, double x, double y) {}

  public CurvePlot(String title, String xLabel, String yLabel, boolean diagonal) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    this.diagonal = diagonal;
  }

  /** Puts the legend in the upper right corner (where precision-recall curves leave room). */
  public CurvePlot legendTopRight() {
    legendTop = true;
    return this;
  }

  public CurvePlot mark(Marker m) {
    markers.add(m);
    return this;
  }

  public CurvePlot add(Series s) {
    series.add(s);
    return this;
  }

  public BufferedImage render() {
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, W, H);
      int pw = W - LEFT - RIGHT, ph = H - TOP - BOTTOM;
      Font tick = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
      Font label = new Font(Font.SANS_SERIF, Font.PLAIN, 17);
      g.setFont(tick);
      FontMetrics fm = g.getFontMetrics();
      for (int i = 0; i <= 10; i++) {
        double v = i / 10.0;
        int x = LEFT + (int) Math.round(v * pw);
        int y = TOP + ph - (int) Math.round(v * ph);
        g.setColor(new Color(0xe6e6e6));
        g.drawLine(x, TOP, x, TOP + ph);
        g.drawLine(LEFT, y, LEFT + pw, y);
        g.setColor(Color.BLACK);
        g.drawLine(x, TOP + ph, x, TOP + ph + 6);
        g.drawLine(LEFT - 6, y, LEFT, y);
        String t = String.format(Locale.ROOT, "%.1f", v);
        g.drawString(t, x - fm.stringWidth(t) / 2, TOP + ph + 8 + fm.getAscent());
        g.drawString(t, LEFT - 10 - fm.stringWidth(t), y + fm.getAscent() / 2 - 1);
      }
      g.setColor(Color.BLACK);
      g.setStroke(new BasicStroke(1.5f));
      g.drawRect(LEFT, TOP, pw, ph);
      if (diagonal) {
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 6f}, 0f));
        g.drawLine(LEFT, TOP + ph, LEFT + pw, TOP);
      }
      g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      for (int s = 0; s < series.size(); s++) {
        Series sr = series.get(s);
        Path2D.Double path = new Path2D.Double();
        boolean started = false;
        for (int i = 0; i < sr.x().length; i++) {
          if (Double.isNaN(sr.x()[i]) || Double.isNaN(sr.y()[i])) continue;
          double px = LEFT + clamp(sr.x()[i]) * pw, py = TOP + ph - clamp(sr.y()[i]) * ph;
          if (started) path.lineTo(px, py); else path.moveTo(px, py);
          started = true;
        }
        g.setColor(PALETTE[s % PALETTE.length]);
        g.draw(path);
      }
      g.setFont(label);
      fm = g.getFontMetrics();
      for (Marker m : markers) {
        if (Double.isNaN(m.x()) || Double.isNaN(m.y())) continue;
        int mx = LEFT + (int) Math.round(clamp(m.x()) * pw), my = TOP + ph - (int) Math.round(clamp(m.y()) * ph);
        g.setColor(Color.BLACK);
        g.fillOval(mx - 6, my - 6, 12, 12);
        g.setColor(Color.WHITE);
        g.fillOval(mx - 3, my - 3, 6, 6);
        g.setColor(Color.BLACK);
        g.drawString(m.label(), mx + 10, my + fm.getAscent() + 2);
      }
      g.setColor(Color.BLACK);
      g.drawString(xLabel, LEFT + pw / 2 - fm.stringWidth(xLabel) / 2, H - 25);
      AffineTransform saved = g.getTransform();
      g.rotate(-Math.PI / 2);
      g.drawString(yLabel, -(TOP + ph / 2) - fm.stringWidth(yLabel) / 2, 30);
      g.setTransform(saved);
      Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 20);
      g.setFont(titleFont);
      fm = g.getFontMetrics();
      g.drawString(title, W / 2 - fm.stringWidth(title) / 2, 38);
      legend(g, label, pw, ph);
    } finally {
      g.dispose();
    }
    return img;
  }

  private void legend(Graphics2D g, Font font, int pw, int ph) {
    if (series.isEmpty()) return;
    g.setFont(font);
    FontMetrics fm = g.getFontMetrics();
    int lineH = fm.getHeight() + 4;
    int textW = 0;
    for (Series s : series) textW = Math.max(textW, fm.stringWidth(s.name()));
    int boxW = textW + 60, boxH = lineH * series.size() + 12;
    int x = LEFT + pw - boxW - 12, y = legendTop ? TOP + 12 : TOP + ph - boxH - 12;
    g.setColor(new Color(255, 255, 255, 235));
    g.fillRect(x, y, boxW, boxH);
    g.setColor(Color.DARK_GRAY);
    g.setStroke(new BasicStroke(1f));
    g.drawRect(x, y, boxW, boxH);
    for (int s = 0; s < series.size(); s++) {
      int ly = y + 6 + lineH * s + lineH / 2;
      g.setColor(PALETTE[s % PALETTE.length]);
      g.setStroke(new BasicStroke(3f));
      g.drawLine(x + 10, ly, x + 40, ly);
      g.setColor(Color.BLACK);
      g.drawString(series.get(s).name(), x + 50, ly + fm.getAscent() / 2 - 2);
    }
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }

  public void writePng(OutputStream out) throws IOException {
    if (!ImageIO.write(render(), "png", out)) throw new IOException("no PNG writer available");
  }
}
