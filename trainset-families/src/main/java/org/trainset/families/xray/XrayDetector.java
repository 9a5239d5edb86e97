package org.trainset.families.xray;

import java.io.IOException;
import java.nio.file.Path;
import org.trainset.core.io.DatasetFolder;
import org.trainset.core.spi.DetectionContext;
import org.trainset.core.spi.FormatDetector;

/**
 * Certain when a sample folder ({@code Single_Default}, {@code Single_Other},
 * {@code Multiple_Categories}, {@code Multiple_Other}) holds a COCO JSON or a VOC XML: the folder
 * names are this family's, so it beats the generic {@code coco} and {@code voc} readings. The
 * folder must also hold PNG scans, so a VOC export that kept those folder names under
 * {@code Annotations/} stays {@code voc}.
 */
final class XrayDetector implements FormatDetector {
  @Override public double detect(DetectionContext ctx) throws IOException {
    if (!ctx.isDirectory()) return NONE;
    java.util.Map<Path, Boolean> scans = new java.util.HashMap<>();
    for (Path f : ctx.files()) {
      Path parent = f.getParent();
      if (parent == null || !XrayLayout.isSample(parent.getFileName().toString())) continue;
      if (!f.startsWith(ctx.root()) || ctx.root().relativize(f).toString().replace('\\', '/').startsWith("Annotations/")) {
        continue;
      }
      String name = f.getFileName().toString();
      boolean marked = name.endsWith(".json") ? ctx.headText(f).contains("\"categories\"")
          : name.endsWith(".xml") && ctx.headText(f).contains("<annotation");
      if (!marked) continue;
      Boolean png = scans.get(parent);
      if (png == null) {
        png = holdsPng(parent);
        scans.put(parent, png);
      }
      if (png) return CERTAIN;
    }
    return NONE;
  }

  /**
   * The sample folder holds the scans themselves (a VOC export's Annotations/ tree does not).
   * Detection ignores odd entries (nothing is opened); reading the dataset reports them.
   */
  private static boolean holdsPng(Path folder) throws IOException {
    return !DatasetFolder.files(folder, 1, p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
        .endsWith(".png"), issue -> { }).isEmpty();
  }
}
