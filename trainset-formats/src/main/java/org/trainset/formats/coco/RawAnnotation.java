package org.trainset.formats.coco;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trainset.core.json.JsonValues;

/**
 * One COCO annotation object pulled straight from the token stream. The hot fields (ids, bbox,
 * polygons, keypoints) go into primitive arrays without building a JSON tree, which is where
 * most of the reading time went; rare parts (RLE, Datumaro's attributes, unknown keys) are read
 * as trees. A malformed value is remembered ({@link #bad}) and the object is still consumed, so
 * the stream stays in step and the caller can report the problem and go on.
 */
final class RawAnnotation {
  String id;
  long imageId;
  boolean hasImageId;
  long categoryId;
  boolean hasCategoryId;
  String categoryText;
  String imageText;
  List<double[]> polygons = List.of();
  JsonNode rle;
  double[] bbox;
  double[] keypoints;
  String caption;
  boolean crowd;
  JsonNode attributes;
  Map<String, Object> extras = Map.of();
  CocoAnnotations.Bad bad;

  private final double[][] scratch = {new double[64]};

  /** Reads the object whose START_OBJECT is the current token. */
  static RawAnnotation read(JsonParser p, ObjectMapper mapper) throws IOException {
    RawAnnotation a = new RawAnnotation();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      t = p.nextToken();
      switch (key) {
        case "id" -> a.id = t == JsonToken.VALUE_NULL ? null : p.getText();
        case "image_id" -> {
          a.imageText = p.getText();
          if (t == JsonToken.VALUE_NUMBER_INT) {
            a.imageId = p.getLongValue();
            a.hasImageId = true;
          } else {
            p.skipChildren();
          }
        }
        case "category_id" -> {
          a.categoryText = t == JsonToken.VALUE_NULL ? null : p.getText();
          if (t == JsonToken.VALUE_NUMBER_INT) {
            a.categoryId = p.getLongValue();
            a.hasCategoryId = true;
          } else {
            p.skipChildren();
          }
        }
        case "segmentation" -> a.segmentation(p, t, mapper);
        case "bbox" -> a.bbox = t == JsonToken.VALUE_NULL ? null : a.numbers(p, t, "bbox");
        case "keypoints" -> a.keypoints = t == JsonToken.VALUE_NULL ? null : a.numbers(p, t, "keypoints");
        case "caption" -> a.caption = t == JsonToken.VALUE_NULL ? null : (t.isScalarValue() ? p.getText() : skipBad(a, p));
        case "iscrowd" -> a.crowd = (t == JsonToken.VALUE_NUMBER_INT && p.getIntValue() == 1) || t == JsonToken.VALUE_TRUE;
        case "area", "num_keypoints" -> p.skipChildren();
        case "attributes" -> a.attributes = mapper.readTree(p);
        default -> {
          if (a.extras.isEmpty()) a.extras = new LinkedHashMap<>();
          a.extras.put(key, JsonValues.toJava(mapper.readTree(p)));
        }
      }
    }
    return a;
  }

  private static String skipBad(RawAnnotation a, JsonParser p) throws IOException {
    p.skipChildren();
    a.fail("coco-caption", "caption must be text");
    return null;
  }

  private void fail(String rule, String message) {
    if (bad == null) bad = new CocoAnnotations.Bad(rule, message);
  }

  private void segmentation(JsonParser p, JsonToken t, ObjectMapper mapper) throws IOException {
    if (t == JsonToken.VALUE_NULL) return;
    if (t == JsonToken.START_OBJECT) {
      rle = mapper.readTree(p);
      return;
    }
    if (t != JsonToken.START_ARRAY) {
      p.skipChildren();
      fail("coco-segmentation", "segmentation must be a list of polygons or an RLE object");
      return;
    }
    List<double[]> out = new ArrayList<>(1);
    JsonToken e = p.nextToken();
    if (e == JsonToken.VALUE_NUMBER_INT || e == JsonToken.VALUE_NUMBER_FLOAT) {
      out.add(numbersFrom(p, e, "polygon"));  // a flat polygon (not standard, seen in the wild)
    } else {
      for (; e != JsonToken.END_ARRAY; e = p.nextToken()) {
        if (e != JsonToken.START_ARRAY) {
          p.skipChildren();
          fail("coco-segmentation", "polygon must be a list of numbers");
          continue;
        }
        out.add(numbers(p, e, "polygon"));
      }
    }
    polygons = out;
  }

  /** The numbers of the array whose START_ARRAY is current. */
  private double[] numbers(JsonParser p, JsonToken t, String what) throws IOException {
    if (t != JsonToken.START_ARRAY) {
      p.skipChildren();
      fail("coco-" + what, what + " must be a list of numbers");
      return null;
    }
    JsonToken e = p.nextToken();
    return e == JsonToken.END_ARRAY ? new double[0] : numbersFrom(p, e, what);
  }

  /** Numbers from the current token (the array's first element) to its END_ARRAY. */
  private double[] numbersFrom(JsonParser p, JsonToken e, String what) throws IOException {
    double[] buf = scratch[0];
    int n = 0;
    for (; e != JsonToken.END_ARRAY; e = p.nextToken()) {
      if (e != JsonToken.VALUE_NUMBER_INT && e != JsonToken.VALUE_NUMBER_FLOAT) {
        fail("not-a-number", what + " value " + p.getText() + " is not a number");
        p.skipChildren();
        continue;
      }
      if (n == buf.length) scratch[0] = buf = Arrays.copyOf(buf, n * 2);
      buf[n++] = FastNumbers.doubleValue(p, e);
    }
    return Arrays.copyOf(buf, n);
  }
}
