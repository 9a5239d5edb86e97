package org.trainset.families.objects;

import java.io.IOException;
import java.nio.file.Path;
import org.trainset.core.spi.DetectionContext;
import org.trainset.core.spi.FormatDetector;

/**
 * Certain when JSON documents carry the three attribute groups ({@code "image"},
 * {@code "environment"}, {@code "objects"}) and an {@code "ontology"} reference: no generic
 * format has that shape. Looks at a few documents' heads only.
 */
final class ObjectsDetector implements FormatDetector {
  @Override public double detect(DetectionContext ctx) throws IOException {
    int seen = 0;
    for (Path f : ctx.filesEndingWith(".json")) {
      if (seen++ >= 5) break;
      if (looksLikeObjects(ctx.headText(f))) return CERTAIN;
    }
    return NONE;
  }

  static boolean looksLikeObjects(String head) {
    return head.contains("\"image\"") && head.contains("\"environment\"") && head.contains("\"objects\"")
        && head.contains("\"ontology\"");
  }
}
