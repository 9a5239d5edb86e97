package org.trainset.formats.coco;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.trainset.core.convert.LossReport;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.LabelDef;

/**
 * Category ids for the writer: a label keeps its source id ({@link LabelDef#id()}, so COCO's id
 * gaps survive) unless taken; labels without one, or first seen on an annotation, get the next
 * free id. Written into every annotation file at commit.
 */
final class CocoCategories {
  private final Map<String, LabelDef> labels = new LinkedHashMap<>();
  private final Map<String, Long> ids = new LinkedHashMap<>();
  private final Set<Long> used = new HashSet<>();
  private long next = 1;

  CocoCategories(DatasetSchema schema, LossReport loss) {
    for (LabelDef l : schema.labels()) {
      if (l.id() != null && l.id() > 0 && used.add((long) l.id())) ids.put(l.name(), (long) l.id());
    }
    for (LabelDef l : schema.labels()) {
      labels.put(l.name(), l);
      if (l.color() != null) loss.dropped(null, "label colour", null);
      if (!l.attributes().isEmpty()) loss.dropped(null, "label attribute specs", null);
      if (l.type() != null) loss.dropped(null, "label shape type", null);
    }
    for (LabelDef l : schema.labels()) idOf(l.name());
  }

  /** The category id of {@code label}, assigning one on first sight. */
  long idOf(String label) {
    Long id = ids.get(label);
    if (id != null) return id;
    while (used.contains(next)) next++;
    used.add(next);
    ids.put(label, next);
    labels.putIfAbsent(label, LabelDef.named(label));
    return next;
  }

  boolean declares(String label) {
    return ids.containsKey(label);
  }

  ArrayNode toJson() {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    ids.forEach((name, id) -> {
      LabelDef l = labels.get(name);
      ObjectNode c = out.addObject();
      c.put("id", id);
      c.put("name", name);
      c.put("supercategory", l.parent() == null ? "" : l.parent());
      if (!l.keypoints().isEmpty() || !l.skeleton().isEmpty()) {
        ArrayNode k = c.putArray("keypoints");
        l.keypoints().forEach(k::add);
        ArrayNode s = c.putArray("skeleton");
        for (int[] e : l.skeleton()) s.addArray().add(e[0]).add(e[1]);
      }
    });
    return out;
  }
}
