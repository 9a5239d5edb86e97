package org.trainset.formats.voc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trainset.core.io.InputException;
import org.trainset.core.model.AttributeSpec;
import org.trainset.core.model.LabelDef;

/**
 * Datumaro's {@code labelmap.txt}: one {@code name:r,g,b:part1,part2:action1,action2} line per
 * label, {@code #} comments. Colours become {@link LabelDef#color()}, actions become checkbox
 * attributes of the label, parts become labels of their own.
 */
final class VocLabelMap {
  private VocLabelMap() {}

  /** A parsed labelmap: labels in file order, and the parts each label declares. */
  record Entry(String name, String color, List<String> parts, List<String> actions) {}

  static List<Entry> read(Path file) throws IOException {
    List<Entry> out = new ArrayList<>();
    try (BufferedReader in = org.trainset.core.io.TextFiles.newReader(file)) {
      long lineNo = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) continue;
        String[] cols = t.split(":", -1);
        if (cols.length > 4) {
          throw new InputException(file, lineNo, -1, "labelmap-line",
              "expected name:color:parts:actions, got " + cols.length + " ':'-separated fields");
        }
        String color = cols.length > 1 ? color(file, lineNo, cols[1].strip()) : null;
        out.add(new Entry(cols[0].strip(), color, list(cols, 2), list(cols, 3)));
      }
    }
    return out;
  }

  /** Labels the map declares: its own entries (actions as checkbox attributes), then parts. */
  static List<LabelDef> labels(List<Entry> entries) {
    Map<String, LabelDef> out = new LinkedHashMap<>();
    for (Entry e : entries) {
      List<AttributeSpec> actions = e.actions().stream().map(VocLabelMap::actionSpec).toList();
      out.put(e.name(), new LabelDef(e.name(), null, null, e.color(), null, actions, List.of(), List.of()));
    }
    for (Entry e : entries) {
      for (String part : e.parts()) out.putIfAbsent(part, LabelDef.named(part));
    }
    return new ArrayList<>(out.values());
  }

  static AttributeSpec actionSpec(String action) {
    return new AttributeSpec(action, "checkbox", List.of("false", "true"), "false", false);
  }

  /** Writes one line per label; {@code parts} lists the parts seen on each label's objects. */
  static void write(Writer w, List<LabelDef> labels, Map<String, ? extends Iterable<String>> parts)
      throws IOException {
    w.write("# label:color_rgb:parts:actions\n");
    for (LabelDef l : labels) {
      List<String> actions = l.attributes().stream()
          .filter(a -> "checkbox".equals(a.inputType())).map(AttributeSpec::name).toList();
      List<String> p = new ArrayList<>();
      Iterable<String> seen = parts.get(l.name());
      if (seen != null) seen.forEach(p::add);
      w.write(l.name() + ":" + rgb(l.color()) + ":" + String.join(",", p) + ":"
          + String.join(",", actions) + "\n");
    }
  }

  private static List<String> list(String[] cols, int i) {
    if (cols.length <= i || cols[i].isBlank()) return List.of();
    List<String> out = new ArrayList<>();
    for (String s : cols[i].split(",")) {
      if (!s.isBlank()) out.add(s.strip());
    }
    return out;
  }

  private static String color(Path file, long line, String rgb) throws InputException {
    if (rgb.isEmpty()) return null;
    String[] c = rgb.split(",");
    if (c.length != 3) {
      throw new InputException(file, line, -1, "labelmap-color", "colour '" + rgb + "' is not r,g,b");
    }
    int[] v = new int[3];
    for (int i = 0; i < 3; i++) {
      try {
        v[i] = Integer.parseInt(c[i].strip());
      } catch (NumberFormatException e) {
        v[i] = -1;
      }
      if (v[i] < 0 || v[i] > 255) {
        throw new InputException(file, line, -1, "labelmap-color", "colour '" + rgb + "' has a part outside 0..255");
      }
    }
    return String.format(Locale.ROOT, "#%02x%02x%02x", v[0], v[1], v[2]);
  }

  /** {@code #rrggbb} as {@code r,g,b}; empty when there is no colour. */
  static String rgb(String color) {
    if (color == null || !color.matches("#[0-9a-fA-F]{6}")) return "";
    int v = Integer.parseInt(color.substring(1), 16);
    return ((v >> 16) & 255) + "," + ((v >> 8) & 255) + "," + (v & 255);
  }
}
