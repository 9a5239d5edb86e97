package org.trainset.formats.cvat;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.trainset.core.convert.LossReport;
import org.trainset.core.convert.UniqueIds;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;

/**
 * Writes one item as an {@code <image>}. The reader names an image item by its CVAT name
 * (qualified by subset when the image carries one, as project exports do) and places its media
 * under {@code images/}; this writer inverts that, and reports what would not come back the same.
 */
final class CvatImageWriter {
  private static final Set<String> RESERVED = Set.of("id", "name", "width", "height", "subset", "task_id");
  private static final Pattern XML_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  private final XmlOut out;
  private final CvatShapeWriter shapes;
  private final CvatLabelPlan labels;
  private final LossReport loss;
  private final String containerSubset;
  private final Map<String, UniqueIds> ids = new HashMap<>();

  CvatImageWriter(XmlOut out, CvatShapeWriter shapes, CvatLabelPlan labels, LossReport loss, String containerSubset) {
    this.out = out;
    this.shapes = shapes;
    this.labels = labels;
    this.loss = loss;
    this.containerSubset = containerSubset;
  }

  /** The {@code subset} attribute to write: only when it differs from the task's or job's own. */
  String subsetAttribute(Item item) {
    return item.subset() != null && !item.subset().equals(containerSubset) ? item.subset() : null;
  }

  /** The CVAT image name: the media path without the images/[subset/] folder the reader adds. */
  String name(Item item) {
    String subset = subsetAttribute(item);
    MediaRef m = item.primaryMedia();
    String p = m != null ? m.path() : item.id();
    if (m == null && subset != null && p.startsWith(subset + "/")) return p.substring(subset.length() + 1);
    if (m == null) return p;
    if (subset != null && p.startsWith("images/" + subset + "/")) return p.substring(8 + subset.length());
    if (p.startsWith("images/")) return p.substring(7);
    return p;
  }

  static String expectedPath(Item item, String subsetAttribute, String name) {
    return "images/" + (subsetAttribute != null ? subsetAttribute + "/" : "") + name;
  }

  void write(Item item) throws IOException {
    String subset = subsetAttribute(item);
    String name = name(item);
    String id = subset != null ? subset + "/" + name : name;
    if (!id.equals(item.id())) loss.changed(null, "item id", "-> CVAT image name");
    MediaRef m = item.primaryMedia();
    if (m != null && !m.path().equals(expectedPath(item, subset, name))) loss.changed(null, "media path", "-> images/<name>");
    if (item.subset() == null && containerSubset != null) loss.changed(null, "subset", "none -> the task's subset");
    if (item.media().size() > 1) loss.dropped(null, "media file", "beyond an item's first");

    Object frame = item.attributes().get(CvatCursor.FRAME);
    Object task = item.attributes().get(CvatCursor.TASK_ID);
    // CVAT image ids are unique per task and subset; sources numbering per folder repeat them.
    long imageId = ids.computeIfAbsent(subset + "\u0000" + task, k -> new UniqueIds(0, loss, "image"))
        .assign(frame);
    out.open(1, "image").attr("id", Long.toString(imageId)).attr("name", name);
    if (subset != null) out.attr("subset", subset);
    if (task != null) out.attr("task_id", String.valueOf(task));
    if (m != null && m.width() != null) out.attr("width", m.width());
    if (m != null && m.height() != null) out.attr("height", m.height());
    for (var e : item.attributes().entrySet()) {
      String k = e.getKey();
      if (k.equals(CvatCursor.FRAME) || k.equals(CvatCursor.TASK_ID)) {
        if (!CvatCursor.longOrText(String.valueOf(e.getValue())).equals(e.getValue())) {
          loss.changed(null, "item attribute '" + k + "'", "-> number or text");
        }
        continue;
      }
      if (RESERVED.contains(k) || !XML_NAME.matcher(k).matches()) {
        loss.dropped(null, "item attribute", "cannot be an <image> attribute");
        continue;
      }
      if (!(e.getValue() instanceof String)) loss.changed(null, "item attribute value", "-> text");
      out.attr(k, String.valueOf(e.getValue()));
    }
    if (item.annotations().isEmpty()) {
      out.empty();
      return;
    }
    out.end().newline();
    for (Annotation a : item.annotations()) {
      labels.use(a.label());
      shapes.imageShape(a);
    }
    out.close(1, "image");
  }
}
