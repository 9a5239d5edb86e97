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
      return ctx.root().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
          && looksLikeCoco(ctx, ctx.root()) ? SPECIFIC : NONE;
    }
    for (Path f : ctx.filesEndingWith(".json")) {
      if (CocoLayout.isLayoutFile(ctx.root(), f) && looksLikeCoco(ctx, f)) return SPECIFIC;
    }
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
    if (i >= head.length() || head.charAt(i) != '{') return false;
    boolean images = head.contains("\"images\"");
    boolean annotations = head.contains("\"annotations\"");
    boolean categories = head.contains("\"categories\"");
    boolean annotationKeys = head.contains("\"image_id\"");
    boolean imageRecords = head.contains("\"file_name\"") && (head.contains("\"height\"") || head.contains("\"width\""));
    return (images && (annotations || categories || imageRecords)) || (annotations && annotationKeys);
  }
}
