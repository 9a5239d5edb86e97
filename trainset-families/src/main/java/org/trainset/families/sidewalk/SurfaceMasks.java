package org.trainset.families.sidewalk;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Mask;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.Polygon;
import org.trainset.core.issue.Issue;
import org.trainset.core.issue.Severity;
import org.trainset.core.spi.ReadOptions;

/**
 * Reads a surface mask PNG into one {@link Mask} per class through the colour map (the XML's
 * label colours; black is unlabelled), and relates each to the item's polygons of the same label:
 * attribute {@code polygon_iou} is the IoU of the class's mask pixels with those polygons
 * filled. Colours the map does not know are listed in the item attribute
 * {@code mask_unknown_colours} (a guideline finding for the inspection pack, not a format error).
 */
final class SurfaceMasks {
  private SurfaceMasks() {}

  /**
   * The masks; colours no label could be given (unknown to the declared map, or ambiguous when
   * inferred); and, when the XML declares no colours, the colours inferred from the polygons.
   */
  record Result(List<Mask> masks, List<Object> unknownColours, Map<String, Object> inferred) {}

  static Result read(Path png, Path xml, String itemId, MediaRef media, Map<String, String> colours,
                     List<Annotation> anns, ReadOptions options) throws IOException {
    return read(png, xml, itemId, media, colours, anns, options, "MASK/" + png.getFileName());
  }

  /** As above; {@code rel} is how the mask file is named in findings and the masks' {@code mask_file}. */
  static Result read(Path png, Path xml, String itemId, MediaRef media, Map<String, String> colours,
                     List<Annotation> anns, ReadOptions options, String rel) throws IOException {
    if (!org.trainset.core.io.DatasetFolder.present(png)) { // a dangling symlink or FIFO: an input error, not "missing"
      options.problems().report(Issue.at(Severity.WARNING, "sidewalk-mask-missing", xml.toString(), -1, itemId, null, "no mask " + rel + " for this surface image"));
      return new Result(List.of(), List.of(), Map.of());
    }
    BufferedImage img = ImageIO.read(png.toFile());
    if (img == null) {
      throw new org.trainset.core.io.InputException(png, "sidewalk-mask", "not a readable PNG image");
    }
    int w = img.getWidth();
    int h = img.getHeight();
    if (media != null && media.hasSize() && (media.width() != w || media.height() != h)) {
      options.problems().report(Issue.at(Severity.ERROR, "sidewalk-mask-size", png.toString(), -1, itemId, null, "mask is " + w + "x" + h + " but the image is " + media.width() + "x" + media.height()));
    }
    int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
    Map<Integer, String> byRgb = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : colours.entrySet()) {
      byRgb.put(Integer.parseInt(e.getKey().substring(1), 16), e.getValue());
    }
    Map<String, Object> inferred = new TreeMap<>();
    if (colours.isEmpty()) {
      // the producer's XML declares no <color>: read each colour's label off the polygons
      MaskColourInference.Result r = MaskColourInference.infer(rgb, w, h, anns);
      byRgb.putAll(r.labels());
      r.labels().forEach((c, l) -> inferred.put(String.format("#%06x", c), l));
      for (Integer c : r.ambiguous()) {
        options.problems().report(Issue.at(Severity.WARNING, "sidewalk-mask-colour-ambiguous", png.toString(), -1, itemId, null, String.format("mask colour #%06x", c) + " lies under no single surface label: " + r.describe(c)));
      }
    }
    Map<Integer, Long> unknown = new TreeMap<>();
    Map<String, boolean[]> classes = new TreeMap<>();
    for (int i = 0; i < rgb.length; i++) {
      int c = rgb[i] & 0xFFFFFF;
      if (c == 0) continue;
      String label = byRgb.get(c);
      if (label == null) {
        unknown.merge(c, 1L, Long::sum);
        continue;
      }
      classes.computeIfAbsent(label, k -> new boolean[rgb.length])[i] = true;
    }
    List<Object> unknownHex = new ArrayList<>();
    for (Integer colour : unknown.keySet()) {
      String hex = String.format("#%06x", colour);
      unknownHex.add(hex);
    }
    List<Mask> masks = new ArrayList<>();
    for (Map.Entry<String, boolean[]> e : classes.entrySet()) {
      boolean[] polys = fill(anns, e.getKey(), w, h);
      masks.add(mask(e.getKey(), e.getValue(), polys, w, h, rel));
    }
    return new Result(masks, unknownHex, inferred);
  }

  /** The item's polygons of {@code label} filled as the annotation tool draws them (no anti-aliasing). */
  static boolean[] fill(List<Annotation> anns, String label, int w, int h) {
    BufferedImage canvas = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = canvas.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    g.setColor(java.awt.Color.WHITE);
    for (Annotation a : anns) {
      if (a instanceof Polygon p && p.label().equals(label)) {
        java.awt.Polygon shape = new java.awt.Polygon();
        for (int i = 0; i < p.vertexCount(); i++) shape.addPoint((int) Math.round(p.x(i)), (int) Math.round(p.y(i)));
        g.fillPolygon(shape);
      }
    }
    g.dispose();
    byte[] px = ((java.awt.image.DataBufferByte) canvas.getRaster().getDataBuffer()).getData();
    boolean[] out = new boolean[w * h];
    for (int i = 0; i < out.length; i++) out[i] = px[i] != 0;
    return out;
  }

  private static Mask mask(String label, boolean[] on, boolean[] polys, int w, int h, String rel) {
    int left = w;
    int top = h;
    int right = -1;
    int bottom = -1;
    long inter = 0;
    long union = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        if (on[i]) {
          left = Math.min(left, x);
          right = Math.max(right, x);
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
        }
        if (on[i] && polys[i]) inter++;
        if (on[i] || polys[i]) union++;
      }
    }
    int mw = right - left + 1;
    int mh = bottom - top + 1;
    List<Integer> runs = new ArrayList<>();
    boolean current = false;
    int run = 0;
    for (int y = top; y <= bottom; y++) {
      for (int x = left; x <= right; x++) {
        boolean v = on[y * w + x];
        if (v != current) {
          runs.add(run);
          run = 0;
          current = v;
        }
        run++;
      }
    }
    runs.add(run);
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("mask_file", rel);
    attrs.put("polygon_iou", union == 0 ? 0.0 : Math.round(1e4 * inter / (double) union) / 1e4);
    return new Mask(new AnnotationMeta(null, label, attrs, null, 0, false, "mask"), left, top, mw, mh,
        runs.stream().mapToInt(Integer::intValue).toArray());
  }
}
