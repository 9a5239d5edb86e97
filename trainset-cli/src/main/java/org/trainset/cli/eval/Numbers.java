package org.trainset.cli.eval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** Numbers in output: NaN (undefined) becomes JSON null and "n/a" in tables. */
final class Numbers {
  private Numbers() {}

  static void put(ObjectNode node, String key, double v) {
    if (Double.isFinite(v)) node.put(key, v); else node.putNull(key);
  }

  static ArrayNode array(ObjectNode parent, String key, double[] values) {
    ArrayNode a = parent.putArray(key);
    for (double v : values) {
      if (Double.isFinite(v)) a.add(v); else a.addNull();
    }
    return a;
  }

  static String fmt(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "n/a";
  }
}
