package org.trainset.formats.coco;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.trainset.core.spi.DetectionContext;
import org.trainset.core.spi.FormatDetector;

/**
 * A COCO file is a JSON object whose head shows COCO's top-level keys; a COCO folder holds such
 * files where {@link CocoLayout} looks for them. A top-level array (a COCO <em>results</em> file)
 * is detections, not a dataset, and is not claimed.
 */
final class CocoDetector implements FormatDetector {
  @Override public double detect(DetectionContext ctx) throws IOException {
    if (!ctx.isDirectory()) {
      if (!ctx.root().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
        ctx.rejected("not a .json file");
        return NONE;
      }
      return looksLikeCoco(ctx, ctx.root()) ? SPECIFIC : NONE;
    }
    int layoutFiles = 0;
    for (Path f : ctx.filesEndingWith(".json")) {
      if (!CocoLayout.isLayoutFile(ctx.root(), f)) continue;
      layoutFiles++;
      if (looksLikeCoco(ctx, f)) return SPECIFIC;
    }
    if (layoutFiles == 0) ctx.rejected("no .json file where COCO keeps its annotation files");
    return NONE;
  }

  /**
   * An object (not an array) with "images" plus "annotations" or "categories" near its start, or
   * with "images" holding COCO image records (large files such as train2017 list megabytes of
   * images before the other keys).
   */
  static boolean looksLikeCoco(DetectionContext ctx, Path file) throws IOException {
    String head = ctx.headText(file);
    int i = 0;
    if (head.startsWith("\uFEFF")) i++;
    while (i < head.length() && Character.isWhitespace(head.charAt(i))) i++;
    String name = ctx.name(file);
    if (i >= head.length() || head.charAt(i) != '{') {
      ctx.rejected(name + ": not a JSON object (a COCO results list is detections, not a dataset)");
      return false;
    }
    boolean images = head.contains("\"images\"");
    boolean annotations = head.contains("\"annotations\"");
    boolean categories = head.contains("\"categories\"");
    boolean annotationKeys = head.contains("\"image_id\"");
    boolean imageRecords = head.contains("\"file_name\"") && (head.contains("\"height\"") || head.contains("\"width\""));
    boolean coco = (images && (annotations || categories || imageRecords)) || (annotations && annotationKeys);
    String keys = (images ? " \"images\"" : "") + (annotations ? " \"annotations\"" : "")
        + (categories ? " \"categories\"" : "") + (annotationKeys ? " \"image_id\"" : "")
        + (imageRecords ? " image records (\"file_name\" with a size)" : "");
    if (coco) {
      ctx.saw(name + ": a JSON object with" + keys);
    } else if (head.length() >= DetectionContext.HEAD_BYTES / 2 && endsInsideString(head, i)) {
      // a huge value (a megabyte-long "description") can hide the keys that follow it
      ctx.rejected(name + ": the first " + DetectionContext.HEAD_BYTES / 1024 + " KB end inside one string value before"
          + " COCO's keys could be seen (only" + (keys.isEmpty() ? " an object" : keys) + "); name the format"
          + " explicitly to read it (strings are capped by the maximum string length)");
    } else {
      ctx.rejected(name + ": a JSON object without COCO's keys" + (keys.isEmpty() ? "" : " (only" + keys + ")"));
    }
    return coco;
  }

  /** Whether the text from {@code from} ends inside a JSON string (an odd count of unescaped quotes). */
  static boolean endsInsideString(String head, int from) {
    boolean inside = false;
    for (int i = from; i < head.length(); i++) {
      char c = head.charAt(i);
      if (inside && c == '\\') {
        i++;
      } else if (c == '"') {
        inside = !inside;
      }
    }
    return inside;
  }
}
