package org.trainset.formats.coco;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trainset.core.geometry.MaskBits;
import org.trainset.core.io.InputException;
import org.trainset.core.io.SafePaths;
import org.trainset.core.json.JsonValues;
import org.trainset.core.media.LabelImage;

/**
 * COCO panoptic: one annotation per image ({@code image_id}, {@code file_name} of a PNG,
 * {@code segments_info}); the PNG lives in the folder named like the JSON file
 * ({@code annotations/panoptic_val2017.json} → {@code annotations/panoptic_val2017/}) and each
 * pixel's segment id is R + 256·G + 256²·B, 0 meaning unlabelled. Each segment becomes one mask
 * annotation (an RLE over the PNG) with its category's label, {@code is_crowd} from
 * {@code iscrowd} and {@code isthing} from the category (things and stuff). The pixel rules are
 * those of panopticapi's {@code pq_compute}: every segment of the JSON has pixels, every non-zero
 * pixel belongs to a segment of the JSON, every segment's category exists.
 */
final class PanopticSegments {
  static final String IS_THING = "isthing";
  private static final java.util.Set<String> SEGMENT_KEYS =
      java.util.Set.of("id", "category_id", "area", "bbox", "iscrowd", "attributes");

  /** One segment, ready to spill: its fields as a checked annotation, and its label. */
  record Segment(RawAnnotation raw, String label) {}

  private PanopticSegments() {}

  /** The folder holding {@code json}'s segment PNGs. */
  static Path pngFolder(Path json) {
    String name = json.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return json.resolveSibling(dot > 0 ? name.substring(0, dot) : name + ".png");
  }

  /** The segments of one panoptic annotation; broken ones are reported and skipped. */
  static List<Segment> expand(RawAnnotation a, Path json, long line, Map<Long, CocoFileIndex.Category> categories,
                              AnnotationPass.Reporter reporter) throws IOException {
    String where = "panoptic annotation for image " + a.imageText();
    if (!a.segmentsInfo.isArray()) {
      reporter.report("panoptic-segment", json, line, null, where + ": \"segments_info\" must be an array");
      return List.of();
    }
    Object fileName = a.extras.get("file_name");
    if (!(fileName instanceof String name) || name.isEmpty()) {
      reporter.report("panoptic-png", json, line, null, where + " has no \"file_name\" of its PNG");
      return List.of();
    }
    Path folder = pngFolder(json);
    if (!Files.isDirectory(folder)) {
      reporter.report("panoptic-png", json, line, null, where + ": no PNG folder " + folder.getFileName()
          + "/ beside the file (COCO keeps panoptic PNGs in the folder named like the JSON file)");
      return List.of();
    }
    Path png;
    LabelImage map;
    try {
      png = SafePaths.resolveInside(folder, name);
      map = LabelImage.read(png);
    } catch (InputException e) {
      reporter.report(e.rule(), e.file() == null ? json : e.file(), e.file() == null ? line : -1, null,
          where + ": " + e.detail());
      return List.of();
    }
    if (map.indexed()) {
      reporter.report("panoptic-png", png, -1, null, "a palette PNG; panoptic segment ids are RGB (R + 256·G + 256²·B)");
      return List.of();
    }
    Map<Integer, Integer> pixels = new HashMap<>();
    for (int v : map.values()) if (v != 0) pixels.merge(v, 1, Integer::sum);

    List<Segment> out = new ArrayList<>();
    Map<Long, Boolean> seen = new HashMap<>();
    for (JsonNode s : a.segmentsInfo) {
      JsonNode id = s.get("id");
      JsonNode cat = s.get("category_id");
      if (id == null || !id.canConvertToInt() || id.intValue() <= 0) {
        reporter.report("panoptic-segment", json, line, null, where + ": segment without a positive integer \"id\": "
            + abbreviate(s));
        continue;
      }
      String segId = Integer.toString(id.intValue());
      if (seen.put(id.longValue(), Boolean.TRUE) != null) {
        reporter.report("panoptic-segment", json, line, segId, where + ": segment id " + segId + " appears twice");
        continue;
      }
      CocoFileIndex.Category category = cat != null && cat.canConvertToLong() ? categories.get(cat.longValue()) : null;
      if (category == null) {
        reporter.report("dangling-category", json, line, segId, where + ": segment " + segId
            + " refers to category_id " + cat + ", which is not in \"categories\"");
        continue;
      }
      Integer count = pixels.remove(id.intValue());
      if (count == null) {
        reporter.report("panoptic-segment-not-in-png", png, -1, segId, "segment " + segId
            + " of " + json.getFileName() + " has no pixels in the PNG (no pixel has R + 256·G + 256²·B = " + segId + ")");
        continue;
      }
      out.add(new Segment(segment(a, s, segId, category, map), category.name()));
    }
    if (!pixels.isEmpty()) {
      int stray = pixels.keySet().stream().min(Integer::compare).orElseThrow();
      long total = pixels.values().stream().mapToLong(Integer::longValue).sum();
      reporter.report("panoptic-pixels-not-in-json", png, -1, null, total + " pixels carry segment ids that "
          + json.getFileName() + " does not list for image " + a.imageText() + " (" + pixels.size()
          + " ids, the first " + stray + " at " + firstAt(map, stray) + ")");
    }
    return out;
  }

  private static RawAnnotation segment(RawAnnotation a, JsonNode s, String segId, CocoFileIndex.Category category,
                                       LabelImage map) {
    RawAnnotation r = new RawAnnotation();
    r.id = segId;
    r.imageId = a.imageId;
    r.hasImageId = a.hasImageId;
    r.imageText = a.imageText();
    r.categoryId = category.id();
    r.hasCategoryId = true;
    r.categoryText = Long.toString(category.id());
    r.crowd = s.path("iscrowd").asInt(0) == 1 || s.path("iscrowd").asBoolean(false);
    r.rleCounts = MaskBits.bitmapToCoco(map.bitmap(Integer.parseInt(segId)), map.height(), map.width());
    r.rleH = map.height();
    r.rleW = map.width();
    JsonNode attrs = s.get("attributes");
    if (attrs != null && !attrs.isNull()) r.attributes = attrs;
    Map<String, Object> extras = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!SEGMENT_KEYS.contains(e.getKey())) extras.put(e.getKey(), JsonValues.toJava(e.getValue()));
    }
    if (category.isthing() != null) extras.put(IS_THING, category.isthing());
    r.extras = extras;
    r.checked = true;
    return r;
  }

  private static String firstAt(LabelImage map, int value) {
    for (int i = 0; i < map.values().length; i++) {
      if (map.values()[i] == value) return "x=" + i % map.width() + ", y=" + i / map.width();
    }
    return "?";
  }

  private static String abbreviate(JsonNode s) {
    String t = s.toString();
    return t.length() > 80 ? t.substring(0, 80) + "…" : t;
  }
}
