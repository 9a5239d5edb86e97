package org.trainset.formats.voc;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trainset.core.geometry.MaskBits;
import org.trainset.core.io.InputException;
import org.trainset.core.issue.Issue;
import org.trainset.core.issue.Severity;
import org.trainset.core.media.LabelImage;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Box;
import org.trainset.core.model.Mask;
import org.trainset.core.spi.ProblemSink;

/**
 * Pascal VOC segmentation maps: {@code SegmentationClass/<id>.png} (pixel = class index) and
 * {@code SegmentationObject/<id>.png} (pixel = instance number, the n-th {@code <object>} of the
 * annotation file). Both are palette PNGs in VOC itself, index 0 background and 255 the void
 * boundary; exports that dropped the palette hold the palette's colours instead, which are mapped
 * back (class colours from {@code labelmap.txt}, else the VOC palette). With an object map each
 * instance becomes one mask labelled by the class most of its pixels have (else by its
 * {@code <object>}); with a class map only, each class present becomes one mask.
 */
final class VocSegmentation {
  static final String CLASS_DIR = "SegmentationClass";
  static final String OBJECT_DIR = "SegmentationObject";
  static final int VOID = 255;
  /** The VOC 2012 classes in palette order (index 0 is background). */
  static final List<String> VOC_CLASSES = List.of("background", "aeroplane", "bicycle", "bird", "boat",
      "bottle", "bus", "car", "cat", "chair", "cow", "diningtable", "dog", "horse", "motorbike", "person",
      "pottedplant", "sheep", "sofa", "train", "tvmonitor");

  /** Class names by index and their colours (packed R + 256·G + 256²·B); serialisable for parts. */
  record Classes(List<String> names, List<Integer> colours) implements Serializable {
    /** The labelmap's labels in order (colourless ones take the VOC palette's), else VOC's classes. */
    static Classes of(List<VocLabelMap.Entry> map) {
      List<String> names = new ArrayList<>();
      List<Integer> colours = new ArrayList<>();
      List<VocLabelMap.Entry> entries = map;
      if (entries.isEmpty()) {
        for (String n : VOC_CLASSES) entries = append(entries, new VocLabelMap.Entry(n, null, List.of(), List.of()));
      }
      for (VocLabelMap.Entry e : entries) {
        int i = names.size();
        names.add(e.name());
        colours.add(e.color() == null ? paletteColour(i) : packHex(e.color()));
      }
      return new Classes(List.copyOf(names), List.copyOf(colours));
    }

    private static List<VocLabelMap.Entry> append(List<VocLabelMap.Entry> l, VocLabelMap.Entry e) {
      List<VocLabelMap.Entry> out = new ArrayList<>(l);
      out.add(e);
      return out;
    }

    /** {@code #rrggbb} packed as R + 256·G + 256²·B. */
    private static int packHex(String color) {
      int v = Integer.parseInt(color.substring(1), 16);
      return LabelImage.pack(v >> 16 & 255, v >> 8 & 255, v & 255);
    }

    boolean isBackground(int index) {
      return index == 0 && !names.isEmpty() && names.get(0).equals("background");
    }
  }

  private VocSegmentation() {}

  /** Colour of palette index {@code i} in the VOC palette (bit-interleaved), packed. */
  static int paletteColour(int i) {
    int r = 0, g = 0, b = 0, c = i;
    for (int j = 0; j < 8; j++) {
      r |= ((c) & 1) << (7 - j);
      g |= ((c >> 1) & 1) << (7 - j);
      b |= ((c >> 2) & 1) << (7 - j);
      c >>= 3;
    }
    return LabelImage.pack(r, g, b);
  }

  /** Whether {@code dir} has a segmentation map for item {@code id}. */
  static boolean has(Path dir, String id) {
    return Files.isRegularFile(dir.resolve(CLASS_DIR).resolve(id + ".png"))
        || Files.isRegularFile(dir.resolve(OBJECT_DIR).resolve(id + ".png"));
  }

  /**
   * The masks of item {@code id}; a map that breaks a pixel rule is reported (file, rule, value,
   * first pixel) and contributes nothing.
   */
  static List<Annotation> masks(Path dir, String id, Integer width, Integer height, Classes classes,
                                List<Annotation> objects, ProblemSink problems) throws IOException {
    Path classPng = dir.resolve(CLASS_DIR).resolve(id + ".png");
    Path objectPng = dir.resolve(OBJECT_DIR).resolve(id + ".png");
    int[] classIndex = null;
    LabelImage cls = null;
    if (Files.isRegularFile(classPng)) {
      cls = read(classPng, id, problems);
      if (cls != null && !sized(cls, classPng, id, width, height, problems)) cls = null;
      if (cls != null) classIndex = indices(cls, classPng, id, classes.colours(), classes.names().size(), problems);
    }
    if (Files.isRegularFile(objectPng)) {
      LabelImage obj = read(objectPng, id, problems);
      if (obj == null || !sized(obj, objectPng, id, width, height, problems)) return List.of();
      if (cls != null && (cls.width() != obj.width() || cls.height() != obj.height())) {
        problems.report(Issue.at(Severity.ERROR, "voc-seg-size", objectPng.toString(), -1, id, null,
            "object map is " + obj.width() + "x" + obj.height() + " but the class map is " + cls.width() + "x" + cls.height()));
        return List.of();
      }
      List<Integer> palette = new ArrayList<>();
      for (int i = 0; i < 256; i++) palette.add(paletteColour(i));
      int[] instance = indices(obj, objectPng, id, palette, 256, problems);
      if (instance == null) return List.of();
      return instances(obj, instance, classIndex, classes, objects, objectPng, id, problems);
    }
    if (classIndex == null) return List.of();
    List<Annotation> out = new ArrayList<>();
    TreeMap<Integer, Boolean> present = new TreeMap<>();
    for (int v : classIndex) if (v != VOID && !classes.isBackground(v)) present.put(v, Boolean.TRUE);
    for (int c : present.keySet()) {
      out.add(mask(classes.names().get(c), classIndex, c, cls.height(), cls.width()));
    }
    return out;
  }

  private static List<Annotation> instances(LabelImage obj, int[] instance, int[] classIndex, Classes classes,
                                            List<Annotation> objects, Path png, String id, ProblemSink problems)
      throws IOException {
    List<String> objectLabels = new ArrayList<>();
    for (Annotation a : objects) {
      // parts share their object's group and follow it; the n-th object is the n-th top-level box
      if (a instanceof Box b && (b.meta().group() == null || objectLabels.size() < b.meta().group())) {
        objectLabels.add(b.label());
      }
    }
    Map<Integer, Map<Integer, Integer>> classVotes = new TreeMap<>();
    for (int p = 0; p < instance.length; p++) {
      int k = instance[p];
      if (k == 0 || k == VOID) continue;
      Map<Integer, Integer> votes = classVotes.computeIfAbsent(k, x -> new HashMap<>());
      if (classIndex != null && classIndex[p] != VOID && !classes.isBackground(classIndex[p])) {
        votes.merge(classIndex[p], 1, Integer::sum);
      }
    }
    List<Annotation> out = new ArrayList<>();
    for (Map.Entry<Integer, Map<Integer, Integer>> e : classVotes.entrySet()) {
      int k = e.getKey();
      String label = majority(e.getValue(), classes);
      if (label == null && k <= objectLabels.size()) label = objectLabels.get(k - 1);
      if (label == null) {
        problems.report(Issue.at(Severity.ERROR, "voc-seg-instance", png.toString(), -1, id, null,
            "instance " + k + " (first at " + firstAt(instance, obj.width(), k) + ") has no class: no class map pixels"
                + " under it and the annotation file has only " + objectLabels.size() + " objects"));
        continue;
      }
      out.add(mask(label, instance, k, obj.height(), obj.width()));
    }
    return out;
  }

  /** The class with the most votes (the lowest index on a tie), or null without votes. */
  private static String majority(Map<Integer, Integer> votes, Classes classes) {
    int best = -1;
    int most = 0;
    for (Map.Entry<Integer, Integer> v : votes.entrySet()) {
      if (v.getValue() > most || (v.getValue() == most && v.getKey() < best)) {
        best = v.getKey();
        most = v.getValue();
      }
    }
    return best < 0 ? null : classes.names().get(best);
  }

  private static Mask mask(String label, int[] values, int value, int h, int w) {
    byte[] bits = new byte[values.length];
    for (int i = 0; i < values.length; i++) if (values[i] == value) bits[i] = 1;
    return MaskBits.fromBitmap(AnnotationMeta.of(label), bits, h, w);
  }

  private static LabelImage read(Path png, String id, ProblemSink problems) throws IOException {
    try {
      return LabelImage.read(png);
    } catch (InputException e) {
      problems.report(Issue.at(Severity.ERROR, e.rule(), png.toString(), -1, id, null, e.detail()));
      return null;
    }
  }

  private static boolean sized(LabelImage map, Path png, String id, Integer width, Integer height,
                               ProblemSink problems) throws IOException {
    if (width == null || height == null || (map.width() == width && map.height() == height)) return true;
    problems.report(Issue.at(Severity.ERROR, "voc-seg-size", png.toString(), -1, id, null,
        "map is " + map.width() + "x" + map.height() + " but the image is " + width + "x" + height));
    return false;
  }

  /**
   * Pixel values as indices: a palette PNG's own indices, an RGB PNG's colours looked up in
   * {@code colours} (the void colour is 255). An index at or past {@code count} (other than 255)
   * or an unknown colour breaks the rule and is reported once with its pixel count.
   */
  private static int[] indices(LabelImage map, Path png, String id, List<Integer> colours, int count,
                               ProblemSink problems) throws IOException {
    int[] out = new int[map.values().length];
    Map<Integer, Integer> byColour = new HashMap<>();
    if (!map.indexed()) {
      for (int i = colours.size() - 1; i >= 0; i--) byColour.put(colours.get(i), i);
      byColour.put(paletteColour(VOID), VOID);
    }
    int badValue = -1;
    int badFirst = -1;
    long bad = 0;
    for (int p = 0; p < out.length; p++) {
      int v = map.values()[p];
      int idx = map.indexed() ? v : byColour.getOrDefault(v, -1);
      if (idx < 0 || (idx >= count && idx != VOID)) {
        if (bad++ == 0) {
          badValue = v;
          badFirst = p;
        }
        idx = VOID;
      }
      out[p] = idx;
    }
    if (bad > 0) {
      String value = map.indexed() ? "index " + badValue + " (the map declares " + count + ")"
          : "colour " + rgb(badValue) + " (not in " + (count == 256 ? "the VOC palette" : "the class colours") + ")";
      problems.report(Issue.at(Severity.ERROR, "voc-seg-class", png.toString(), -1, id, null,
          bad + " pixels have no class: the first, at x=" + badFirst % map.width() + ", y=" + badFirst / map.width()
              + ", has " + value));
      return null;
    }
    return out;
  }

  private static String firstAt(int[] values, int width, int value) {
    for (int i = 0; i < values.length; i++) if (values[i] == value) return "x=" + i % width + ", y=" + i / width;
    return "?";
  }

  private static String rgb(int packed) {
    return "(" + (packed & 255) + "," + (packed >> 8 & 255) + "," + (packed >> 16 & 255) + ")";
  }
}
