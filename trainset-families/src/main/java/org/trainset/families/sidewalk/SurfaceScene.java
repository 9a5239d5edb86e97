package org.trainset.families.sidewalk;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.trainset.families.samples.SampleImages;

/**
 * Surfaces of a sidewalk photo (pavement blocks, roadway, a braille guide strip, a manhole) drawn
 * on the photo and painted in z order into the mask with the label colours.
 */
final class SurfaceScene {
  /** The label colour map written into the XML and used for the masks (black is unlabelled). */
  static final Map<String, String> COLOURS = new LinkedHashMap<>();

  static {
    COLOURS.put("alley", "#ff8000");
    COLOURS.put("bike_lane", "#00ffff");
    COLOURS.put("braille_guide_blocks", "#ffff00");
    COLOURS.put("caution_zone", "#ff0000");
    COLOURS.put("roadway", "#808080");
    COLOURS.put("sidewalk", "#0000ff");
  }

  /** A colour no label has, painted into a mask as a planted defect. */
  static final Color STRAY = new Color(0x7f, 0x7f, 0x00);

  record Surface(String label, String value, int zOrder, Polygon outline) {}

  final List<Surface> surfaces = new ArrayList<>();
  final BufferedImage mask;

  SurfaceScene(SidewalkScene scene, Random rnd, boolean overlap, boolean strayColour) {
    int w = SidewalkScene.WIDTH;
    int h = SidewalkScene.HEIGHT;
    int top = SidewalkScene.HORIZON;
    int edge = 430 + rnd.nextInt(20) - 10;
    surfaces.add(new Surface("sidewalk", "blocks", 0,
        new Polygon(new int[] {0, edge, w, 0}, new int[] {top, top, h, h}, 4)));
    int roadEdge = overlap ? edge - 60 : edge;
    surfaces.add(new Surface("roadway", "normal", 0,
        new Polygon(new int[] {roadEdge, w, w}, new int[] {top, top, h}, 3)));
    int bx = 180 + rnd.nextInt(60);
    surfaces.add(new Surface("braille_guide_blocks", "normal", 1,
        new Polygon(new int[] {bx, bx + 12, bx + 24, bx - 2}, new int[] {top, top, h, h}, 4)));
    int mx = 60 + rnd.nextInt(60);
    int my = 270 + rnd.nextInt(40);
    int[] xs = new int[8];
    int[] ys = new int[8];
    for (int i = 0; i < 8; i++) {
      xs[i] = mx + (int) Math.round(28 * Math.cos(Math.PI * i / 4));
      ys[i] = my + (int) Math.round(14 * Math.sin(Math.PI * i / 4));
    }
    surfaces.add(new Surface("caution_zone", "manhole", 2, new Polygon(xs, ys, 8)));

    Graphics2D g = scene.g;
    for (Surface s : surfaces) {
      g.setColor(switch (s.label()) {
        case "sidewalk" -> new Color(196, 170, 150);
        case "roadway" -> new Color(75, 75, 80);
        case "braille_guide_blocks" -> new Color(235, 200, 40);
        default -> new Color(50, 50, 55);
      });
      g.fillPolygon(s.outline());
      if (s.label().equals("sidewalk")) {
        g.setColor(new Color(170, 145, 130));
        for (int y = top + 20; y < h; y += 24) g.drawLine(0, y, edge + (y - top) * (w - edge) / (h - top), y);
      }
    }
    mask = SampleImages.canvas(w, h, Color.BLACK);
    Graphics2D m = SampleImages.graphics(mask);
    for (Surface s : surfaces) {
      m.setColor(Color.decode(COLOURS.get(s.label())));
      m.fillPolygon(s.outline());
    }
    if (strayColour) {
      m.setColor(STRAY);
      m.fillRect(300, 320, 24, 16);
    }
    m.dispose();
  }
}
