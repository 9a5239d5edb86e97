package org.trainset.eval.coco;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A COCO evaluation as one JSON document: what {@code trainset eval detect --json} prints and what
 * the server's sandbox recipe returns, built in one place so the two cannot differ.
 */
public final class DetectJson {
  private DetectJson() {}

  /** {@code {"iouType", "stats": [12 numbers], "statsLabels", "perCategory": [{categoryId, ap, ap50, ap75, ar}]}}. */
  public static ObjectNode of(CocoEvalResult r, IouType type) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("iouType", type.id());
    ArrayNode stats = root.putArray("stats");
    ArrayNode labels = root.putArray("statsLabels");
    for (CocoEvalResult.Stat s : r.summary()) {
      stats.add(s.value());
      labels.add(s.label());
    }
    ArrayNode cats = root.putArray("perCategory");
    for (CocoEvalResult.CategoryResult c : r.perCategory()) {
      ObjectNode o = cats.addObject();
      o.put("categoryId", c.categoryId());
      o.put("ap", c.ap());
      o.put("ap50", c.ap50());
      o.put("ap75", c.ap75());
      o.put("ar", c.ar());
    }
    return root;
  }
}
