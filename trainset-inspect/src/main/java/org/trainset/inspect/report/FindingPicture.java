package org.trainset.inspect.report;

import org.trainset.inspect.rules.Findings;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;
import javax.imageio.ImageIO;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaKind;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.Points;
import org.trainset.core.model.Polyline;
import org.trainset.core.geometry.Shapes;

/**
 * Draws an item's image with its annotations: the ones a finding names in red and thick, the rest
 * thin and grey, scaled to at most {@link #MAX_SIDE} pixels. When the image file is missing the
 * shapes are drawn on a grey canvas of the item's size, so the report still shows where they are.
 */
public final class FindingPicture {
  static final int MAX_SIDE = 720;
  private static final long MAX_IMAGE_BYTES = 64L << 20;

  private FindingPicture() {}

  /** A PNG data URL, or null when the item has nothing to draw. */
  public static String dataUrl(Item item, Path mediaRoot, Set<String> offending, Set<String> related)
      throws IOException {
    BufferedImage picture = render(item, mediaRoot, offending, related);
    if (picture == null) return null;
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(picture, "png", png);
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
  }

  static BufferedImage render(Item item, Path mediaRoot, Set<String> offending, Set<String> related) {
    BufferedImage source = load(item, mediaRoot);
    double w = source != null ? source.getWidth() : item.width() != null ? item.width() : 0;
    double h = source != null ? source.getHeight() : item.height() != null ? item.height() : 0;
    if (w <= 0 || h <= 0) {
      double[] ext = extent(item);
      if (ext == null) return null;
      w = ext[0];
      h = ext[1];
    }
    double scale = Math.min(1, MAX_SIDE / Math.max(w, h));
    BufferedImage out = new BufferedImage(Math.max(1, (int) Math.round(w * scale)), Math.max(1, (int) Math.round(h * scale)),
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      if (source != null) {
        g.drawImage(source, 0, 0, out.getWidth(), out.getHeight(), null);
      } else {
        g.setColor(new Color(0x55, 0x5b, 0x66));
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setColor(Color.WHITE);
        g.drawString("image not available", 8, 16);
      }
      AffineTransform toPicture = AffineTransform.getScaleInstance(scale, scale);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
      for (int pass = 0; pass < 3; pass++) {
        for (Annotation a : item.annotations()) {
          String key = Findings.annotationKey(item, a);
          int role = offending.contains(key) ? 2 : related.contains(key) ? 1 : 0;
          if (role == pass) draw(g, a, toPicture, role); // offending shapes last, on top
        }
      }
    } finally {
      g.dispose();
    }
    return out;
  }

  /** role 2: the offending annotation (red), 1: the one it conflicts with (orange, dashed), 0: others. */
  private static void draw(Graphics2D g, Annotation a, AffineTransform t, int role) {
    boolean bad = role == 2;
    if (role == 1) {
      g.setColor(new Color(0xff, 0x9a, 0x00));
      g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f));
    } else {
      g.setColor(bad ? new Color(0xff, 0x20, 0x20) : new Color(0xe0, 0xe0, 0xe0, 170));
      g.setStroke(new BasicStroke(bad ? 3f : 1.2f));
    }
    Shape shape = outline(a);
    if (shape == null) return;
    Shape drawn = t.createTransformedShape(shape);
    g.draw(drawn);
    if (bad) {
      g.setColor(new Color(0xff, 0x20, 0x20, 60));
      if (!(a instanceof Polyline) && !(a instanceof Points)) g.fill(drawn);
      var b = drawn.getBounds2D();
      String text = a.label().isEmpty() ? "(no label)" : a.label();
      g.setColor(Color.BLACK);
      g.drawString(text, (float) b.getMinX() + 1, (float) Math.max(14, b.getMinY() - 3) + 1);
      g.setColor(Color.YELLOW);
      g.drawString(text, (float) b.getMinX(), (float) Math.max(14, b.getMinY() - 3));
    }
  }

  private static Shape outline(Annotation a) {
    Path2D closed = Shapes.outline(a);
    if (closed != null) return closed;
    if (a instanceof Polyline l && l.vertexCount() >= 2) {
      Path2D.Double p = new Path2D.Double();
      double[] xy = l.points();
      p.moveTo(xy[0], xy[1]);
      for (int i = 2; i + 1 < xy.length; i += 2) p.lineTo(xy[i], xy[i + 1]);
      return p;
    }
    if (a instanceof Points pts) {
      Path2D.Double p = new Path2D.Double();
      for (int i = 0; i < pts.count(); i++) {
        if (pts.visibility(i) > 0) p.append(new Ellipse2D.Double(pts.x(i) - 3, pts.y(i) - 3, 6, 6), false);
      }
      return p;
    }
    double[] b = Shapes.bounds(a);
    if (b != null) return new java.awt.geom.Rectangle2D.Double(b[0], b[1], b[2] - b[0], b[3] - b[1]);
    return a.type() == null ? new Line2D.Double() : null;
  }

  private static double[] extent(Item item) {
    double maxX = 0, maxY = 0;
    for (Annotation a : item.annotations()) {
      double[] b = Shapes.bounds(a);
      if (b == null) continue;
      maxX = Math.max(maxX, b[2]);
      maxY = Math.max(maxY, b[3]);
    }
    return maxX > 0 && maxY > 0 ? new double[] {maxX * 1.05, maxY * 1.05} : null;
  }

  private static BufferedImage load(Item item, Path mediaRoot) {
    MediaRef m = item.primaryMedia();
    if (m == null || mediaRoot == null || m.kind() != MediaKind.IMAGE) return null;
    try {
      Path file = org.trainset.core.io.SafePaths.resolveInside(mediaRoot, m.path());
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_IMAGE_BYTES) return null;
      return ImageIO.read(file.toFile());
    } catch (IOException | RuntimeException e) {
      return null; // a broken or unreadable image: the report shows the shapes on a blank canvas
    }
  }
}
