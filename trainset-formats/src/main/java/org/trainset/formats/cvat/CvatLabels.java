package org.trainset.formats.cvat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.trainset.core.io.InputException;
import org.trainset.core.model.AttributeSpec;
import org.trainset.core.model.LabelDef;

/**
 * {@code <labels>} of a task, job or project: names, colours, types, attribute specs, and
 * skeletons (a {@code skeleton} label whose points are the labels naming it as {@code <parent>},
 * with edges drawn in its {@code <svg>}).
 */
final class CvatLabels {
  private static final Pattern CIRCLE = Pattern.compile("<circle\\b[^>]*>");
  private static final Pattern LINE = Pattern.compile("<line\\b[^>]*>");
  private static final Pattern NODE_ID = Pattern.compile("data-node-id=\"([^\"]*)\"");
  private static final Pattern LABEL_NAME = Pattern.compile("data-label-name=\"([^\"]*)\"");
  private static final Pattern FROM = Pattern.compile("data-node-from=\"([^\"]*)\"");
  private static final Pattern TO = Pattern.compile("data-node-to=\"([^\"]*)\"");

  private CvatLabels() {}

  /** Reads {@code <labels>} (the reader is on its start tag) into {@code out}. */
  static void read(XMLStreamReader r, Path file, List<LabelDef> out, Map<String, String> svgs)
      throws XMLStreamException, InputException {
    while (CvatXml.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
      if (!r.getLocalName().equals("label")) {
        CvatXml.skip(r);
        continue;
      }
      String name = null, color = null, type = null, parent = null;
      List<AttributeSpec> attributes = new ArrayList<>();
      while (CvatXml.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
        switch (r.getLocalName()) {
          case "name" -> name = CvatXml.text(r);
          case "color" -> color = CvatXml.text(r);
          case "type" -> type = CvatXml.text(r);
          case "parent" -> parent = CvatXml.text(r);
          case "svg" -> svgs.put(name == null ? "" : name, CvatXml.text(r));
          case "attributes" -> readAttributes(r, attributes);
          default -> CvatXml.skip(r);
        }
      }
      if (name == null) throw CvatXml.error(file, r, "cvat-label", "<label> without <name>");
      out.add(new LabelDef(name, null, parent, color, type, attributes, List.of(), List.of()));
    }
  }

  private static void readAttributes(XMLStreamReader r, List<AttributeSpec> out) throws XMLStreamException {
    while (CvatXml.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
      if (!r.getLocalName().equals("attribute")) {
        CvatXml.skip(r);
        continue;
      }
      String name = "", inputType = null, defaultValue = null, values = "";
      boolean mutable = false;
      while (CvatXml.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
        switch (r.getLocalName()) {
          case "name" -> name = CvatXml.text(r);
          case "input_type" -> inputType = CvatXml.text(r).strip();
          case "default_value" -> defaultValue = CvatXml.text(r);
          case "values" -> values = CvatXml.text(r);
          case "mutable" -> mutable = CvatXml.text(r).strip().equalsIgnoreCase("true");
          default -> CvatXml.skip(r);
        }
      }
      out.add(new AttributeSpec(name, inputType, splitValues(values, inputType), defaultValue, mutable));
    }
  }

  /**
   * CVAT separates values with newlines. Older Datumaro-written files separate them with spaces
   * on one line; for the token-valued input types (everything but free text) a single line is
   * split on whitespace.
   */
  static List<String> splitValues(String values, String inputType) {
    if (values == null || values.isBlank()) return List.of();
    if (values.indexOf('\n') >= 0) return List.of(values.split("\r?\n", -1));
    if (inputType != null && !inputType.toLowerCase(Locale.ROOT).equals("text")) {
      return List.of(values.strip().split("\\s+"));
    }
    return List.of(values);
  }

  /** Gives skeleton labels their keypoint names (child labels in order) and edges from the svg. */
  static List<LabelDef> withKeypoints(List<LabelDef> labels, Map<String, String> svgs) {
    List<LabelDef> out = new ArrayList<>(labels.size());
    for (LabelDef l : labels) {
      List<String> children = labels.stream().filter(c -> l.name().equals(c.parent())).map(LabelDef::name).toList();
      if (children.isEmpty() && !"skeleton".equals(l.type())) {
        out.add(l);
        continue;
      }
      out.add(new LabelDef(l.name(), l.id(), l.parent(), l.color(), l.type(), l.attributes(), children,
          edges(svgs.get(l.name()), children)));
    }
    return out;
  }

  /** Edges of the svg as 1-based keypoint index pairs (lines join node ids; circles name them). */
  static List<int[]> edges(String svg, List<String> keypoints) {
    if (svg == null) return List.of();
    Map<String, Integer> indexByNode = new HashMap<>();
    Matcher c = CIRCLE.matcher(svg);
    while (c.find()) {
      String node = group(NODE_ID, c.group());
      String label = group(LABEL_NAME, c.group());
      int index = keypoints.indexOf(label);
      if (node != null && index >= 0) indexByNode.put(node, index + 1);
    }
    List<int[]> edges = new ArrayList<>();
    Matcher l = LINE.matcher(svg);
    while (l.find()) {
      Integer from = indexByNode.get(group(FROM, l.group()));
      Integer to = indexByNode.get(group(TO, l.group()));
      if (from != null && to != null) edges.add(new int[] {from, to});
    }
    return edges;
  }

  private static String group(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? m.group(1) : null;
  }

  /** A plain svg for a skeleton with no original one: points on a circle, edges as lines. */
  static String svgFor(LabelDef skeleton) {
    List<String> kp = skeleton.keypoints();
    StringBuilder sb = new StringBuilder();
    for (int[] e : skeleton.skeleton()) {
      if (e[0] < 1 || e[1] < 1 || e[0] > kp.size() || e[1] > kp.size()) continue;
      sb.append(String.format(Locale.ROOT,
          "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"black\" data-type=\"edge\" "
              + "data-node-from=\"%d\" stroke-width=\"0.5\" data-node-to=\"%d\"></line>",
          x(e[0] - 1, kp.size()), y(e[0] - 1, kp.size()), x(e[1] - 1, kp.size()), y(e[1] - 1, kp.size()), e[0], e[1]));
    }
    for (int i = 0; i < kp.size(); i++) {
      sb.append(String.format(Locale.ROOT,
          "<circle r=\"1.5\" stroke=\"black\" fill=\"#b3b3b3\" cx=\"%.2f\" cy=\"%.2f\" stroke-width=\"0.1\" "
              + "data-type=\"element node\" data-element-id=\"%d\" data-node-id=\"%d\" data-label-name=\"%s\"></circle>",
          x(i, kp.size()), y(i, kp.size()), i + 1, i + 1, kp.get(i).replace("\"", "&quot;")));
    }
    return sb.toString();
  }

  private static double x(int i, int n) { return 50 + 40 * Math.cos(2 * Math.PI * i / Math.max(n, 1)); }
  private static double y(int i, int n) { return 50 + 40 * Math.sin(2 * Math.PI * i / Math.max(n, 1)); }
}
