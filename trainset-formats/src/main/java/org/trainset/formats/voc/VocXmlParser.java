package org.trainset.formats.voc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.trainset.core.io.InputException;
import org.trainset.core.io.ParseLimits;
import org.trainset.core.io.SafeXml;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Box;

/**
 * Parses one VOC annotation file with {@link SafeXml} (no DTD, limits enforced). Objects become
 * boxes carrying {@code difficult}, {@code truncated} (always, default false), {@code pose},
 * their actions and Datumaro-style {@code <attributes>}; {@code <part>}s become boxes sharing the
 * object's group id, which is the object's 1-based position in the file.
 */
final class VocXmlParser {
  /** What one file says. Width/height are null when {@code <size>} is missing or zero. */
  record Parsed(String filename, Integer width, Integer height, Boolean segmented,
                List<Annotation> annotations, Map<String, Set<String>> actionsByLabel, Set<String> parts) {}

  private final Path file;
  private final XMLStreamReader r;
  private final List<Annotation> annotations = new ArrayList<>();
  private final Map<String, Set<String>> actionsByLabel = new LinkedHashMap<>();
  private final Set<String> parts = new LinkedHashSet<>();
  private int objectIndex;

  private VocXmlParser(Path file, XMLStreamReader r) {
    this.file = file;
    this.r = r;
  }

  static Parsed parse(Path file, ParseLimits limits) throws IOException {
    XMLStreamReader r = SafeXml.open(file, limits);
    try {
      return new VocXmlParser(file, r).document();
    } catch (XMLStreamException e) {
      throw SafeXml.inputError(file, e);
    } finally {
      try {
        r.close();
      } catch (XMLStreamException ignored) {
        // the file was read already; a failure to close changes nothing
      }
    }
  }

  private Parsed document() throws XMLStreamException, IOException {
    nextStart();
    if (!"annotation".equals(r.getLocalName())) {
      throw SafeXml.inputError(file, r, "voc-root", "root element is <" + r.getLocalName() + ">, expected <annotation>");
    }
    String filename = null;
    Integer width = null;
    Integer height = null;
    Boolean segmented = null;
    while (nextChild()) {
      switch (r.getLocalName()) {
        case "filename" -> filename = r.getElementText().strip();
        case "size" -> {
          int[] wh = size();
          if (wh[0] > 0 && wh[1] > 0) {
            width = wh[0];
            height = wh[1];
          }
        }
        case "segmented" -> segmented = flag(r.getElementText());
        case "object" -> object();
        default -> skip();
      }
    }
    SafeXml.requireEnd(r, file);
    return new Parsed(filename == null || filename.isEmpty() ? null : filename, width, height,
        segmented, annotations, actionsByLabel, parts);
  }

  private int[] size() throws XMLStreamException, IOException {
    int[] wh = {0, 0};
    while (nextChild()) {
      String name = r.getLocalName();
      if (name.equals("width") || name.equals("height")) {
        double v = number(name);
        if (v < 0 || v != Math.rint(v) || v > Integer.MAX_VALUE) {
          throw SafeXml.inputError(file, r, "image-size", "<" + name + "> must be a non-negative integer, got " + v);
        }
        wh[name.equals("width") ? 0 : 1] = (int) v;
      } else {
        skip();
      }
    }
    return wh;
  }

  private void object() throws XMLStreamException, IOException {
    objectIndex++;
    int line = r.getLocation().getLineNumber();
    String label = null;
    double[] box = null;
    boolean occluded = false;
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put(VocFormat.DIFFICULT, false);
    attrs.put(VocFormat.TRUNCATED, false);
    List<Box> partBoxes = new ArrayList<>();
    Set<String> actions = new LinkedHashSet<>();
    while (nextChild()) {
      switch (r.getLocalName()) {
        case "name" -> label = r.getElementText().strip();
        case "bndbox" -> box = bndbox();
        case "difficult" -> attrs.put(VocFormat.DIFFICULT, flag(r.getElementText()));
        case "truncated" -> attrs.put(VocFormat.TRUNCATED, flag(r.getElementText()));
        case "occluded" -> occluded = flag(r.getElementText());
        case "pose" -> attrs.put(VocFormat.POSE, r.getElementText().strip());
        case "part" -> partBoxes.add(part());
        case "actions" -> {
          while (nextChild()) {
            String action = r.getLocalName();
            attrs.put(action, flag(r.getElementText()));
            actions.add(action);
          }
        }
        case "attributes" -> customAttributes(attrs);
        default -> skip();
      }
    }
    if (label == null) throw new InputException(file, line, -1, "voc-object", "object has no <name>");
    if (box == null) throw new InputException(file, line, -1, "voc-object", "object '" + label + "' has no <bndbox>");
    Integer group = partBoxes.isEmpty() ? null : objectIndex;
    AnnotationMeta meta = new AnnotationMeta(null, label, attrs, group, 0, occluded, null);
    annotations.add(new Box(meta, box[0], box[1], box[2] - box[0], box[3] - box[1]));
    for (Box p : partBoxes) {
      annotations.add(p.withMeta(p.meta().withGroup(group)));
      parts.add(p.label());
    }
    actionsByLabel.computeIfAbsent(label, k -> new LinkedHashSet<>()).addAll(actions);
  }

  private Box part() throws XMLStreamException, IOException {
    int line = r.getLocation().getLineNumber();
    String label = null;
    double[] box = null;
    while (nextChild()) {
      switch (r.getLocalName()) {
        case "name" -> label = r.getElementText().strip();
        case "bndbox" -> box = bndbox();
        default -> skip();
      }
    }
    if (label == null || box == null) {
      throw new InputException(file, line, -1, "voc-part", "<part> needs a <name> and a <bndbox>");
    }
    return new Box(AnnotationMeta.of(label), box[0], box[1], box[2] - box[0], box[3] - box[1]);
  }

  /** {xmin, ymin, xmax, ymax}; all four are required and max may not be below min. */
  private double[] bndbox() throws XMLStreamException, IOException {
    int line = r.getLocation().getLineNumber();
    double[] v = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    while (nextChild()) {
      switch (r.getLocalName()) {
        case "xmin" -> v[0] = number("xmin");
        case "ymin" -> v[1] = number("ymin");
        case "xmax" -> v[2] = number("xmax");
        case "ymax" -> v[3] = number("ymax");
        default -> skip();
      }
    }
    for (double d : v) {
      if (Double.isNaN(d)) throw new InputException(file, line, -1, "voc-bndbox", "<bndbox> needs xmin, ymin, xmax and ymax");
    }
    if (v[2] < v[0] || v[3] < v[1]) {
      throw new InputException(file, line, -1, "voc-bndbox",
          "xmax/ymax (" + v[2] + ", " + v[3] + ") below xmin/ymin (" + v[0] + ", " + v[1] + ")");
    }
    return v;
  }

  /** Datumaro's {@code <attributes><attribute><name/><value/></attribute>...}. */
  private void customAttributes(Map<String, Object> attrs) throws XMLStreamException, IOException {
    while (nextChild()) {
      if (!r.getLocalName().equals("attribute")) {
        skip();
        continue;
      }
      String name = null;
      String value = "";
      while (nextChild()) {
        switch (r.getLocalName()) {
          case "name" -> name = r.getElementText().strip();
          case "value" -> value = r.getElementText();
          default -> skip();
        }
      }
      if (name != null) attrs.put(name, VocValues.parse(value));
    }
  }

  private double number(String what) throws XMLStreamException, IOException {
    String text = r.getElementText().strip();
    try {
      double d = Double.parseDouble(text);
      if (Double.isFinite(d)) return d;
    } catch (NumberFormatException e) {
      // reported below with the position
    }
    throw SafeXml.inputError(file, r, "voc-number", "<" + what + "> is not a finite number: '" + text + "'");
  }

  private boolean flag(String text) {
    String t = text.strip();
    return t.equals("1") || t.equalsIgnoreCase("true") || t.equalsIgnoreCase("yes");
  }

  /** Moves to the next start element in the document (the root). */
  private void nextStart() throws XMLStreamException {
    while (r.hasNext()) {
      if (r.next() == XMLStreamConstants.START_ELEMENT) return;
    }
    throw new XMLStreamException("no root element", r.getLocation());
  }

  /** Advances to the next child start element of the current element; false at its end. */
  private boolean nextChild() throws XMLStreamException {
    while (r.hasNext()) {
      int e = r.next();
      if (e == XMLStreamConstants.START_ELEMENT) return true;
      if (e == XMLStreamConstants.END_ELEMENT) return false;
    }
    return false;
  }

  /** Skips the current element and everything inside it. */
  private void skip() throws XMLStreamException {
    int depth = 1;
    while (depth > 0 && r.hasNext()) {
      int e = r.next();
      if (e == XMLStreamConstants.START_ELEMENT) depth++;
      else if (e == XMLStreamConstants.END_ELEMENT) depth--;
    }
  }
}
