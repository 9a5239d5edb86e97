package org.trainset.families.sidewalk;

import java.io.IOException;
import java.nio.file.Path;
import org.trainset.core.spi.DetectionContext;
import org.trainset.core.spi.FormatDetector;

/**
 * Certain when a release folder ({@code Bbox_0001}, {@code Polygon_0001}, {@code Surface_001})
 * holds a CVAT XML, or a {@code Depth_001} folder holds a calibration {@code .conf}; the root may
 * be such a folder or hold them. Above the {@code cvat} format's SPECIFIC, so the family wins;
 * a plain CVAT export (no such folder names) is left to {@code cvat}. Also certain for the
 * producer's layout ({@link ProducerLayout}): a {@code Sidewalk_…} XML or {@code .conf} in
 * {@code output/} beside {@code rawdata/}.
 */
final class SidewalkDetector implements FormatDetector {
  @Override public double detect(DetectionContext ctx) throws IOException {
    if (!ctx.isDirectory()) return NONE;
    Path root = ctx.root();
    for (Path f : ctx.files()) {
      if (producerFile(ctx, f)) return CERTAIN;
      Path rel = root.relativize(f);
      Path folder = rel.getNameCount() == 1 ? root.getFileName() : rel.getNameCount() == 2 ? rel.getName(0) : null;
      if (folder == null) continue;
      SidewalkFolder kind = SidewalkFolder.of(folder.toString());
      if (kind == null) continue;
      String name = f.getFileName().toString();
      if (kind == SidewalkFolder.DEPTH ? name.endsWith(".conf")
          : name.endsWith(".xml") && ctx.headText(f).contains("<annotations>")) {
        return CERTAIN;
      }
    }
    return NONE;
  }

  /** A producer-layout file: {@code output/Sidewalk_…_output_….xml} (CVAT) or {@code ….conf} beside {@code rawdata/}. */
  private static boolean producerFile(DetectionContext ctx, Path f) throws IOException {
    Path parent = f.getParent();
    if (parent == null || !parent.getFileName().toString().equals(ProducerLayout.OUTPUT)) return false;
    ProducerNames n = ProducerNames.parse(f.getFileName().toString());
    if (n == null || !java.nio.file.Files.isDirectory(parent.resolveSibling(ProducerLayout.RAWDATA))) return false;
    return n.ext().equals("conf") || n.ext().equals("xml") && ctx.headText(f).contains("<annotations>");
  }
}
