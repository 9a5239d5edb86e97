package org.trainset.families.face;

import java.io.IOException;
import java.nio.file.Path;
import org.trainset.core.spi.DetectionContext;
import org.trainset.core.spi.FormatDetector;

/** Certain when images sit at {@code <Res>_Resolution/<8 digits>/S…/L…/E…/C….jpg} with a txt beside them. */
final class FaceDetector implements FormatDetector {
  @Override public double detect(DetectionContext ctx) throws IOException {
    if (!ctx.isDirectory()) return NONE;
    int checked = 0;
    String name = ctx.root().getFileName() == null ? "" : ctx.root().getFileName().toString();
    String prefix = name.endsWith("_Resolution") ? name + "/" : "";
    for (Path f : ctx.files()) {
      String rel = prefix + ctx.root().relativize(f).toString().replace('\\', '/');
      if (FaceGrid.parse(rel) == null) continue;
      String stem = f.getFileName().toString().replaceFirst("\\.[^.]+$", "");
      if (f.resolveSibling(stem + ".txt").toFile().isFile()) return CERTAIN;
      if (++checked > 50) break;
    }
    return checked > 0 ? PLAUSIBLE : NONE;
  }
}
