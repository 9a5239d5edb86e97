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
      if (!f.getFileName().toString().endsWith(".xml")) {
        ctx.rejected("not an .xml file");
        return NONE;
      }
      return isVocXml(ctx, f) ? FLAT : NONE;
    }
    List<Path> xml = ctx.filesEndingWith(".xml");
    if (xml.isEmpty()) {
      ctx.rejected("no .xml files");
      return NONE;
    }
    // Item ids may hold folders (Annotations/High_Resolution/.../C1.xml), as the reader allows.
    List<Path> inAnnotations = xml.stream()
        .filter(p -> ctx.root().relativize(p).startsWith(VocFormat.ANNOTATIONS))
        .toList();
    if (!inAnnotations.isEmpty()) {
      ctx.saw(inAnnotations.size() + " .xml file(s) under " + VocFormat.ANNOTATIONS + "/");
      return allVoc(ctx, inAnnotations) ? SPECIFIC : NONE;
    }
    ctx.saw(xml.size() + " .xml file(s), none under " + VocFormat.ANNOTATIONS + "/ (flat layout)");
    return allVoc(ctx, xml) ? FLAT : NONE;
  }

  private static boolean allVoc(DetectionContext ctx, List<Path> files) throws IOException {
    int n = Math.min(SNIFFED, files.size());
    for (int i = 0; i < n; i++) {
      if (!isVocXml(ctx, files.get(i))) return false;
    }
    return n > 0;
  }

  static boolean isVocXml(DetectionContext ctx, Path file) throws IOException {
    String root = XmlHead.rootElement(ctx.headText(file));
    boolean voc = "annotation".equals(root);
    if (voc) ctx.saw(ctx.name(file) + ": root element <annotation>");
    else ctx.rejected(ctx.name(file) + ": root element " + (root == null ? "not found" : "<" + root + ">") + ", not <annotation>");
    return voc;
  }
}
