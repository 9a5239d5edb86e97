package org.trainset.families.cctv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.trainset.core.spi.DetectionContext;
import org.trainset.core.spi.FormatDetector;

/**
 * Certain when a clip XML's head has root {@code <annotation>} with a {@code <header>} holding
 * {@code <fps>} or an {@code <event>}, and an MP4 of the same name sits beside it; plausible
 * without the MP4. Pascal VOC also uses {@code <annotation>}, but never {@code <header>}.
 */
final class CctvDetector implements FormatDetector {
  @Override public double detect(DetectionContext ctx) throws IOException {
    List<Path> xmls = ctx.filesEndingWith(".xml");
    double best = NONE;
    for (Path x : xmls.subList(0, Math.min(20, xmls.size()))) {
      String head = ctx.headText(x);
      if (!head.contains("<annotation") || !head.contains("<header>")) continue;
      if (!head.contains("<fps>") && !head.contains("<event>")) continue;
      String n = x.getFileName().toString();
      Path mp4 = x.resolveSibling(n.substring(0, n.length() - 4) + ".mp4");
      best = Math.max(best, Files.isRegularFile(mp4) ? CERTAIN : PLAUSIBLE);
      if (best >= CERTAIN) break;
    }
    return best;
  }
}
