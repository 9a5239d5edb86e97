package org.trainset.formats.voc;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.trainset.core.convert.LossReport;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.AnnotationType;
import org.trainset.core.model.Box;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.LabelDef;

/** Writes one {@code <annotation>} document; text is escaped here, there is no DTD. */
final class VocXmlWriter {
  private final Writer w;
  private final DatasetSchema schema;
  private final LossReport loss;

  VocXmlWriter(Writer w, DatasetSchema schema, LossReport loss) {
    this.w = w;
    this.schema = schema;
    this.loss = loss;
  }

  void write(Item item, String filename, List<VocObjects.VocObject> objects) throws IOException {
    w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<annotation>\n");
    leaf(1, "folder", "");
    leaf(1, "filename", filename);
    if (item.width() != null && item.height() != null) {
      open(1, "size");
      leaf(2, "width", Integer.toString(item.width()));
      leaf(2, "height", Integer.toString(item.height()));
      leaf(2, "depth", "3");
      close(1, "size");
    }
    if (item.attributes().get(VocFormat.SEGMENTED) instanceof Boolean s) leaf(1, "segmented", s ? "1" : "0");
    int index = 0;
    for (VocObjects.VocObject o : objects) {
      index++;
      object(o, index);
    }
    w.write("</annotation>\n");
  }

  private void object(VocObjects.VocObject o, int index) throws IOException {
    Box b = o.box();
    AnnotationMeta m = b.meta();
    reportMeta(m, o.parts().isEmpty() ? null : index);
    open(1, "object");
    leaf(2, "name", m.label());
    if (m.attributes().get(VocFormat.POSE) instanceof String pose) leaf(2, "pose", pose);
    else if (m.attributes().containsKey(VocFormat.POSE)) loss.dropped(AnnotationType.BOX, "attribute 'pose'", "not text");
    leaf(2, "truncated", flag(m.attributes().get(VocFormat.TRUNCATED), VocFormat.TRUNCATED));
    leaf(2, "occluded", m.occluded() ? "1" : "0");
    leaf(2, "difficult", flag(m.attributes().get(VocFormat.DIFFICULT), VocFormat.DIFFICULT));
    bndbox(2, b);
    for (Box p : o.parts()) {
      reportPart(p);
      open(2, "part");
      leaf(3, "name", p.label());
      bndbox(3, p);
      close(2, "part");
    }
    Map<String, Boolean> actions = new LinkedHashMap<>();
    Map<String, String> extra = VocObjects.extraAttributes(b, actionsOf(m.label()), actions, loss);
    if (!actions.isEmpty()) {
      open(2, "actions");
      for (var e : actions.entrySet()) leaf(3, e.getKey(), e.getValue() ? "1" : "0");
      close(2, "actions");
    }
    if (!extra.isEmpty()) {
      open(2, "attributes");
      for (var e : extra.entrySet()) {
        open(3, "attribute");
        leaf(4, "name", e.getKey());
        leaf(4, "value", e.getValue());
        close(3, "attribute");
      }
      close(2, "attributes");
    }
    close(1, "object");
  }

  /** Common fields VOC has no place for; a group survives only as object-with-parts, renumbered. */
  private void reportMeta(AnnotationMeta m, Integer writtenGroup) {
    if (m.id() != null) loss.dropped(AnnotationType.BOX, "annotation id", null);
    if (m.zOrder() != 0) loss.dropped(AnnotationType.BOX, "z-order", null);
    if (m.source() != null) loss.dropped(AnnotationType.BOX, "source", null);
    if (m.group() != null && writtenGroup == null) loss.dropped(AnnotationType.BOX, "group id", "object without parts");
    else if (m.group() != null && !m.group().equals(writtenGroup)) loss.changed(AnnotationType.BOX, "group id", "-> object index");
  }

  private void reportPart(Box p) {
    AnnotationMeta m = p.meta();
    if (p.rotation() != 0) loss.approximated(AnnotationType.BOX, "rotation", "-> axis-aligned box");
    if (m.id() != null) loss.dropped(AnnotationType.BOX, "annotation id", null);
    if (m.occluded()) loss.dropped(AnnotationType.BOX, "occluded", "on a part");
    if (m.zOrder() != 0) loss.dropped(AnnotationType.BOX, "z-order", null);
    if (m.source() != null) loss.dropped(AnnotationType.BOX, "source", null);
    m.attributes().keySet().forEach(k -> loss.dropped(AnnotationType.BOX, "attribute '" + k + "'", "on a part"));
  }

  private Set<String> actionsOf(String label) {
    return schema.label(label).map(LabelDef::attributes).orElse(List.of()).stream()
        .filter(a -> "checkbox".equals(a.inputType())).map(a -> a.name()).collect(Collectors.toSet());
  }

  private String flag(Object v, String name) {
    if (v == null || v instanceof Boolean) return Boolean.TRUE.equals(v) ? "1" : "0";
    loss.changed(AnnotationType.BOX, "attribute '" + name + "'", "-> 0/1 flag");
    return v.toString().equals("1") || v.toString().equalsIgnoreCase("true") ? "1" : "0";
  }

  private void bndbox(int depth, Box b) throws IOException {
    open(depth, "bndbox");
    leaf(depth + 1, "xmin", number(b.x()));
    leaf(depth + 1, "ymin", number(b.y()));
    leaf(depth + 1, "xmax", number(b.x() + b.width()));
    leaf(depth + 1, "ymax", number(b.y() + b.height()));
    close(depth, "bndbox");
  }

  /** Plain decimal, rounded to 10 places so x + width gives back the xmax that was read. */
  static String number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
    return BigDecimal.valueOf(d).setScale(10, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
  }

  private void open(int depth, String name) throws IOException {
    w.write("  ".repeat(depth) + "<" + name + ">\n");
  }

  private void close(int depth, String name) throws IOException {
    w.write("  ".repeat(depth) + "</" + name + ">\n");
  }

  private void leaf(int depth, String name, String text) throws IOException {
    w.write("  ".repeat(depth) + "<" + name + ">" + escape(text) + "</" + name + ">\n");
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        default -> {
          // XML 1.0 cannot hold other control characters at all, not even as references.
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') sb.append(c);
        }
      }
    }
    return sb.toString();
  }
}
