package org.trainset.formats.coco;

import com.fasterxml.jackson.core.JsonProcessingException;
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
 * One COCO annotation object read straight from the bytes ({@link ByteJsonInput}). The hot
 * fields (ids, bbox, polygons, keypoints) go into primitive arrays without a JSON tree or a
 * token per number, which is where the reading time went; rare parts (RLE, Datumaro's
 * attributes, unknown keys) are captured and parsed by Jackson. A malformed value is remembered
 * ({@link #bad}) and the object is still consumed, so the stream stays in step and the caller
 * can report the problem and go on.
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
  /** The RLE once checked: column-major counts over an rleH × rleW image. */
  int[] rleCounts;
  int rleH;
  int rleW;
  boolean checked;
  double[] bbox;
  double[] keypoints;
  String caption;
  boolean crowd;
  JsonNode attributes;
  /** A panoptic annotation's segments (its PNG's name is the extra {@code file_name}). */
  JsonNode segmentsInfo;
  Map<String, Object> extras = Map.of();
  CocoAnnotations.Bad bad;

  /** Category ids as text, shared: every annotation has one and there are few. */
  private static final String[] CATEGORY_TEXT = new String[1024];

  static {
    for (int i = 0; i < CATEGORY_TEXT.length; i++) CATEGORY_TEXT[i] = Integer.toString(i);
  }

  /** image_id as text, for messages (made only then when it was a plain integer). */
  String imageText() {
    return imageText != null || !hasImageId ? imageText : Long.toString(imageId);
  }

  private static final String[] KEYS = {"id", "image_id", "category_id", "segmentation", "area", "bbox",
      "iscrowd", "keypoints", "num_keypoints", "caption", "attributes"};
  private static final byte[][] KEY_BYTES = new byte[KEYS.length][];

  static {
    for (int i = 0; i < KEYS.length; i++) KEY_BYTES[i] = KEYS[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  /** Reads the object whose '{' was just consumed. */
  static RawAnnotation read(ByteJsonInput in, ObjectMapper mapper, double[][] scratch) throws IOException {
    RawAnnotation a = new RawAnnotation();
    int c = in.nextNonWs();
    if (c == '}') return a;
    while (true) {
      if (c != '"') throw in.unexpected(c, "a key");
      int k = in.keyIndex(KEY_BYTES);
      String key = k >= 0 ? KEYS[k] : in.string();
      in.expect(':', "after a key");
      int v = in.peekNonWs();
      switch (key) {
        case "id" -> {
          long plain = v == '"' ? ByteJsonInput.NOT_PLAIN : in.plainInteger();
          a.id = plain != ByteJsonInput.NOT_PLAIN ? Long.toString(plain) : v == '"' ? quoted(in) : nullable(in.literalText());
        }
        case "image_id" -> {
          long plain = v == '"' ? ByteJsonInput.NOT_PLAIN : in.plainInteger();
          if (plain != ByteJsonInput.NOT_PLAIN) { // the common case: its text only made for messages
            a.imageText = null;
            a.hasImageId = true;
            a.imageId = plain;
          } else {
            a.imageText = v == '"' ? quoted(in) : in.literalText();
            a.hasImageId = v != '"' && isLong(a.imageText);
            if (a.hasImageId) a.imageId = Long.parseLong(a.imageText);
          }
        }
        case "category_id" -> {
          long plain = v == '"' ? ByteJsonInput.NOT_PLAIN : in.plainInteger();
          if (plain >= 0 && plain < CATEGORY_TEXT.length) {
            a.categoryText = CATEGORY_TEXT[(int) plain];
            a.hasCategoryId = true;
            a.categoryId = plain;
          } else {
            a.categoryText = plain != ByteJsonInput.NOT_PLAIN ? Long.toString(plain)
                : v == '"' ? quoted(in) : nullable(in.literalText());
            a.hasCategoryId = v != '"' && a.categoryText != null && isLong(a.categoryText);
            if (a.hasCategoryId) a.categoryId = Long.parseLong(a.categoryText);
          }
        }
        case "segmentation" -> a.segmentation(in, v, mapper, scratch);
        case "bbox" -> a.bbox = a.numbers(in, v, "bbox", scratch, mapper);
        case "keypoints" -> a.keypoints = a.numbers(in, v, "keypoints", scratch, mapper);
        case "caption" -> {
          if (v == '"') {
            in.next();
            a.caption = in.string();
          } else {
            JsonNode n = tree(in, mapper);
            if (!n.isNull()) a.fail("coco-caption", "caption must be text, got " + n);
          }
        }
        case "iscrowd" -> {
          long plain = in.plainInteger();
          if (plain == 0 || plain == 1) {
            a.crowd = plain == 1;
          } else {
            JsonNode n = tree(in, mapper);
            a.crowd = n.asInt(0) == 1 || n.asBoolean(false);
          }
        }
        case "area", "num_keypoints" -> {
          if (v == '-' || (v >= '0' && v <= '9')) in.number(); else in.capture(); // checked, then dropped
        }
        case "attributes" -> a.attributes = tree(in, mapper);
        case "segments_info" -> a.segmentsInfo = tree(in, mapper);
        default -> {
          if (a.extras.isEmpty()) a.extras = new LinkedHashMap<>();
          a.extras.put(key, JsonValues.toJava(tree(in, mapper)));
        }
      }
      c = in.nextNonWs();
      if (c == '}') return a;
      if (c != ',') throw in.unexpected(c, "',' or '}'");
      c = in.nextNonWs();
    }
  }

  private static String quoted(ByteJsonInput in) throws IOException {
    in.next();
    return in.string();
  }

  private static String nullable(String literal) {
    return literal.equals("null") ? null : literal;
  }

  private static boolean isLong(String s) {
    if (s.isEmpty() || s.length() > 18) return false;
    for (int i = s.charAt(0) == '-' ? 1 : 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
    }
    return !s.equals("-");
  }

  /** A rare value (RLE, attributes, unknown keys) through Jackson, from its captured bytes. */
  static JsonNode tree(ByteJsonInput in, ObjectMapper mapper) throws IOException {
    long line = in.line();
    return tree(in.capture(), line, in, mapper);
  }

  private static JsonNode tree(byte[] raw, long line, ByteJsonInput in, ObjectMapper mapper) throws IOException {
    try {
      return mapper.readTree(raw);
    } catch (JsonProcessingException e) {
      throw in.error("json-syntax", e.getOriginalMessage() + " (in the value starting on line " + line + ")");
    }
  }

  private void fail(String rule, String message) {
    if (bad == null) bad = new CocoAnnotations.Bad(rule, message);
  }

  private void segmentation(ByteJsonInput in, int v, ObjectMapper mapper, double[][] scratch) throws IOException {
    if (v != '[') {
      long line = in.line();
      byte[] raw = in.capture();
      if (v == '{' && RleBytes.read(raw, this)) return; // the usual uncompressed RLE, without a tree
      JsonNode n = tree(raw, line, in, mapper);
      if (n.isObject()) rle = n;
      else if (!n.isNull()) fail("coco-segmentation", "segmentation must be a list of polygons or an RLE object");
      return;
    }
    in.next();
    List<double[]> out = new ArrayList<>(1);
    int c = in.peekNonWs();
    if (c == ']') {
      in.next();
    } else if (c != '[') {
      out.add(numbersAfterOpen(in, "polygon", scratch, mapper)); // a flat polygon (not standard, seen in the wild)
    } else {
      while (true) {
        in.next();
        out.add(numbersAfterOpen(in, "polygon", scratch, mapper));
        c = in.nextNonWs();
        if (c == ']') break;
        if (c != ',') throw in.unexpected(c, "',' or ']'");
        if (in.peekNonWs() != '[') {
          tree(in, mapper);
          fail("coco-segmentation", "polygon must be a list of numbers");
          c = in.nextNonWs();
          if (c == ']') break;
          if (c != ',') throw in.unexpected(c, "',' or ']'");
          in.peekNonWs();
        }
      }
    }
    polygons = out;
  }

  /** A list of numbers, or null for JSON null; anything else is remembered as bad. */
  private double[] numbers(ByteJsonInput in, int v, String what, double[][] scratch, ObjectMapper mapper) throws IOException {
    if (v == '[') {
      in.next();
      return numbersAfterOpen(in, what, scratch, mapper);
    }
    JsonNode n = tree(in, mapper);
    if (!n.isNull()) fail("coco-" + what, what + " must be a list of numbers");
    return null;
  }

  /** Numbers up to the closing ']' (the '[' was consumed). */
  private double[] numbersAfterOpen(ByteJsonInput in, String what, double[][] scratch, ObjectMapper mapper) throws IOException {
    double[] buf = scratch[0];
    int n = 0;
    int c = in.peekNonWs();
    if (c == ']') {
      in.next();
      return new double[0];
    }
    while (true) {
      c = in.peekNonWs();
      if (c == '"' || c == '[' || c == '{' || c == 't' || c == 'f' || c == 'n') {
        JsonNode bad = tree(in, mapper);
        fail("not-a-number", what + " value " + bad + " is not a number");
      } else {
        if (n == buf.length) scratch[0] = buf = Arrays.copyOf(buf, n * 2);
        buf[n++] = in.number();
      }
      c = in.nextNonWs();
      if (c == ']') break;
      if (c != ',') throw in.unexpected(c, "',' or ']'");
    }
    return Arrays.copyOf(buf, n);
  }
}
