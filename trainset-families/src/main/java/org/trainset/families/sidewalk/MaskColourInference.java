package org.trainset.families.sidewalk;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Polygon;

/**
 * Gives each colour of a surface mask the label of the surface polygons underneath, for XML that
 * declares its labels without {@code <color>} (the producer's). The image's polygons are
 * rasterised in z order (a later z_order paints over an earlier one, as the masks are painted);
 * a colour takes the label covering most of its pixels when that label covers at least half of
 * them and at least twice as many as the runner-up (background included); otherwise it is
 * ambiguous and reported. A mask paints each class in one colour, so when two colours of one image
 * fall to the same label the one with fewer pixels is ambiguous too.
 */
final class MaskColourInference {
  static final double MIN_SHARE = 0.5;

  private MaskColourInference() {}

  /** Inferred colour → label, ambiguous colours, and per colour the label pixel counts. */
  record Result(Map<Integer, String> labels, List<Integer> ambiguous, Map<Integer, Map<String, Long>> counts) {
    String describe(int colour) {
      return String.valueOf(counts.get(colour));
    }
  }

  private static long total(long[] n) {
    long t = 0;
    for (long v : n) t += v;
    return t;
  }

  static Result infer(int[] rgb, int w, int h, List<Annotation> anns) {
    List<Polygon> polys = new ArrayList<>();
    for (Annotation a : anns) if (a instanceof Polygon p) polys.add(p);
    polys.sort(Comparator.comparingInt(p -> p.meta().zOrder()));
    List<String> labels = new ArrayList<>(new TreeSet<>(polys.stream().map(Polygon::label).toList()));
    BufferedImage canvas = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    for (Polygon p : polys) {
      g.setColor(new java.awt.Color(labels.indexOf(p.label()) + 1));
      java.awt.Polygon shape = new java.awt.Polygon();
      for (int i = 0; i < p.vertexCount(); i++) shape.addPoint((int) Math.round(p.x(i)), (int) Math.round(p.y(i)));
      g.fillPolygon(shape);
    }
    g.dispose();
    int[] under = ((DataBufferInt) canvas.getRaster().getDataBuffer()).getData();
    Map<Integer, long[]> counts = new TreeMap<>();
    for (int i = 0; i < rgb.length; i++) {
      int c = rgb[i] & 0xFFFFFF;
      if (c == 0) continue;
      counts.computeIfAbsent(c, k -> new long[labels.size() + 1])[under[i] & 0xFFFFFF]++;
    }
    Map<Integer, String> out = new LinkedHashMap<>();
    List<Integer> ambiguous = new ArrayList<>();
    Map<Integer, Map<String, Long>> described = new TreeMap<>();
    for (Map.Entry<Integer, long[]> e : counts.entrySet()) {
      long[] n = e.getValue();
      long total = 0;
      int best = 0;
      for (int i = 0; i < n.length; i++) {
        total += n[i];
        if (n[i] > n[best]) best = i;
      }
      long second = 0;
      for (int i = 0; i < n.length; i++) if (i != best) second = Math.max(second, n[i]);
      Map<String, Long> d = new LinkedHashMap<>();
      for (int i = 0; i < n.length; i++) if (n[i] > 0) d.put(i == 0 ? "(no polygon)" : labels.get(i - 1), n[i]);
      described.put(e.getKey(), d);
      if (best > 0 && n[best] >= MIN_SHARE * total && n[best] >= 2 * second) {
        String label = labels.get(best - 1);
        Integer rival = out.entrySet().stream().filter(x -> x.getValue().equals(label)).map(Map.Entry::getKey)
            .findFirst().orElse(null);
        if (rival == null) {
          out.put(e.getKey(), label);
        } else if (total(counts.get(rival)) < total) {
          out.remove(rival);
          ambiguous.add(rival);
          out.put(e.getKey(), label);
        } else {
          ambiguous.add(e.getKey());
        }
      } else {
        ambiguous.add(e.getKey());
      }
    }
    ambiguous.sort(null);
    return new Result(out, ambiguous, described);
  }
}
