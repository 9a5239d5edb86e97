package org.trainset.families.ocr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.trainset.core.spi.DetectionContext;
import org.trainset.core.spi.FormatDetector;

/**
 * Certain for {@code textinthewild_data_info.json} (or another {@code *_data_info*.json}) whose
 * head shows the COCO-like tables: the file name is this family's own, so it beats generic COCO.
 */
final class OcrDetector implements FormatDetector {
  @Override public double detect(DetectionContext ctx) throws IOException {
    // detection ignores odd entries; reading the dataset reports them
    List<Path> infos = OcrReader.infoFiles(ctx.root(), issue -> { });
    double best = NONE;
    for (Path f : infos) {
      String head = ctx.headText(f);
      boolean tables = head.contains("\"images\"") || head.contains("\"annotations\"");
      if (!tables) continue;
      best = Math.max(best, f.getFileName().toString().startsWith(OcrFormat.WILD_STEM) ? CERTAIN : CERTAIN - 0.01);
    }
    return best;
  }
}
