package org.trainset.formats.voc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.trainset.core.spi.DetectionContext;
import org.trainset.core.spi.FormatDetector;

/**
 * VOC when XML files have an {@code <annotation>} root (CVAT's is {@code <annotations>}):
 * {@link #SPECIFIC} inside an {@code Annotations/} folder, a little less for Roboflow's flat
 * layout or a single file. Only the first bytes of a few files are looked at.
 */
final class VocDetector implements FormatDetector {
  /** How many XML files are sniffed; one foreign root among them vetoes the flat layout. */
  private static final int SNIFFED = 8;
  static final double FLAT = 0.7;

  @Override public double detect(DetectionContext ctx) throws IOException {
    if (!ctx.isDirectory()) {
      Path f = ctx.root();
      return f.getFileName().toString().endsWith(".xml") && isVocXml(ctx, f) ? FLAT : NONE;
    }
    List<Path> xml = ctx.filesEndingWith(".xml");
    // Item ids may hold folders (Annotations/High_Resolution/.../C1.xml), as the reader allows.
    List<Path> inAnnotations = xml.stream()
        .filter(p -> ctx.root().relativize(p).startsWith(VocFormat.ANNOTATIONS))
        .toList();
    if (!inAnnotations.isEmpty()) {
      return vocFolder(ctx, inAnnotations) ? SPECIFIC : NONE;
    }
    return !xml.isEmpty() && allVoc(ctx, xml) ? FLAT : NONE;
  }

  /**
   * An {@code Annotations/} folder is VOC when a sniffed file has the VOC root and none has
   * another root. A file with no root element at all (empty, or damaged at the start) does not
   * veto: the reader then reports it as an input error, where a veto would let the folder pass
   * as {@code media} and the damage go unnoticed.
   */
  private static boolean vocFolder(DetectionContext ctx, List<Path> files) throws IOException {
    int n = Math.min(SNIFFED, files.size());
    int voc = 0;
    for (int i = 0; i < n; i++) {
      String root = XmlHead.rootElement(ctx.headText(files.get(i)));
      if ("annotation".equals(root)) {
        voc++;
      } else if (root != null) {
        return false;
      }
    }
    return voc > 0;
  }

  private static boolean allVoc(DetectionContext ctx, List<Path> files) throws IOException {
    int n = Math.min(SNIFFED, files.size());
    for (int i = 0; i < n; i++) {
      if (!isVocXml(ctx, files.get(i))) return false;
    }
    return n > 0;
  }

  static boolean isVocXml(DetectionContext ctx, Path file) throws IOException {
    return "annotation".equals(XmlHead.rootElement(ctx.headText(file)));
  }
}
