package org.trainset.eval.coco;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.trainset.core.io.InputException;

/** Reading the raw COCO fields of one JSON object, with errors naming file and line. */
final class AnnFields {
  private final Path file;
  private final long line;
  private final JsonNode node;
  private final String what;

  AnnFields(Path file, long line, JsonNode node, String what) {
    this.file = file;
    this.line = line;
    this.node = node;
    this.what = what;
  }

  boolean has(String key) {
    JsonNode n = node.get(key);
    return n != null && !n.isNull();
  }

  JsonNode get(String key) {
    return node.get(key);
  }

  long id(String key) throws InputException {
    JsonNode n = node.get(key);
    if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
      throw error("coco-id", what + " needs an integer '" + key + "'");
    }
    return n.longValue();
  }

  double number(String key) throws InputException {
    JsonNode n = node.get(key);
    if (n == null || !n.isNumber()) throw error("coco-number", what + " needs a number '" + key + "'");
    double v = n.doubleValue();
    if (!Double.isFinite(v)) throw error("coco-number", what + " '" + key + "' is not finite");
    return v;
  }

  double number(String key, double fallback) throws InputException {
    return has(key) ? number(key) : fallback;
  }

  double[] numbers(String key, int expectedLength) throws InputException {
    JsonNode n = node.get(key);
    if (n == null || !n.isArray()) throw error("coco-array", what + " needs an array '" + key + "'");
    return numbers(n, key, expectedLength);
  }

  double[] numbers(JsonNode n, String key, int expectedLength) throws InputException {
    if (expectedLength >= 0 && n.size() != expectedLength) {
      throw error("coco-array", what + " '" + key + "' has " + n.size() + " values, expected " + expectedLength);
    }
    double[] out = new double[n.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode e = n.get(i);
      if (!e.isNumber()) throw error("coco-number", what + " '" + key + "'[" + i + "] is not a number");
      out[i] = e.doubleValue();
    }
    return out;
  }

  /** A COCO {@code segmentation}: polygon list, or an RLE object with list or string counts. */
  MaskSource segmentation() throws InputException {
    JsonNode s = node.get("segmentation");
    if (s == null || s.isNull()) throw error("coco-segmentation", what + " has no 'segmentation'");
    if (s.isArray()) {
      double[][] polys = new double[s.size()][];
      for (int i = 0; i < polys.length; i++) {
        if (!s.get(i).isArray()) throw error("coco-segmentation", "polygon " + i + " is not an array");
        polys[i] = numbers(s.get(i), "segmentation", -1);
        if (polys[i].length % 2 != 0) throw error("coco-segmentation", "polygon " + i + " has an odd number of coordinates");
      }
      return MaskSource.polygons(polys);
    }
    JsonNode size = s.get("size");
    JsonNode counts = s.get("counts");
    if (size == null || !size.isArray() || size.size() != 2 || counts == null) {
      throw error("coco-segmentation", "RLE needs 'size' [h, w] and 'counts'");
    }
    int h = size.get(0).asInt(-1);
    int w = size.get(1).asInt(-1);
    if (h < 0 || w < 0) throw error("coco-segmentation", "RLE size must be two non-negative integers");
    if (counts.isTextual()) {
      long sum = 0;
      try {
        for (int c : org.trainset.core.geometry.MaskBits.decodeCocoString(counts.textValue())) sum += c;
      } catch (IllegalArgumentException e) {
        throw error("coco-segmentation", "compressed RLE counts: " + e.getMessage());
      }
      if (sum != (long) h * w) throw error("coco-segmentation", "RLE counts sum to " + sum + ", size is " + h + "x" + w);
      return MaskSource.compressed(counts.textValue(), h, w);
    }
    if (!counts.isArray()) throw error("coco-segmentation", "RLE counts must be a string or a list");
    int[] c = new int[counts.size()];
    long sum = 0;
    for (int i = 0; i < c.length; i++) {
      JsonNode e = counts.get(i);
      if (!e.isIntegralNumber() || e.longValue() < 0) throw error("coco-segmentation", "RLE count " + i + " is not a non-negative integer");
      c[i] = e.intValue();
      sum += c[i];
    }
    if (sum != (long) h * w) throw error("coco-segmentation", "RLE counts sum to " + sum + ", size is " + h + "x" + w);
    return MaskSource.uncompressed(c, h, w);
  }

  InputException error(String rule, String detail) {
    return new InputException(file, line, -1, rule, detail);
  }
}
