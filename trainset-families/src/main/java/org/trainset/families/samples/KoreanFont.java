package org.trainset.families.samples;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The CJK font sample images are drawn with. Loaded from its file (Debian {@code fonts-noto-cjk})
 * rather than by family name, so every machine renders the same glyphs and a missing font is a
 * clear error instead of silent tofu boxes.
 */
public final class KoreanFont {
  /** Overrides the font file (any TrueType/OpenType file or collection with Hangul). */
  public static final String PROPERTY = "trainset.cjkFont";
  static final List<String> CANDIDATES = List.of(
      "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
      "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
      "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc");

  private static Font base;

  private KoreanFont() {}

  /** The font at {@code size} points; throws when no CJK font file is installed. */
  public static synchronized Font of(float size) throws IOException {
    if (base == null) base = load();
    return base.deriveFont(size);
  }

  private static Font load() throws IOException {
    if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    String override = System.getProperty(PROPERTY);
    List<String> paths = override != null ? List.of(override) : CANDIDATES;
    for (String p : paths) {
      Path file = Path.of(p);
      if (!Files.isRegularFile(file)) continue;
      try {
        Font[] fonts = Font.createFonts(file.toFile());
        for (Font f : fonts) {
          if (f.canDisplay('한') && f.getFamily().contains("KR")) return f;
        }
        for (Font f : fonts) {
          if (f.canDisplay('한')) return f;
        }
      } catch (FontFormatException e) {
        throw new IOException("font file " + file + " is not a usable font: " + e.getMessage(), e);
      }
    }
    throw new IOException("no CJK font found for drawing Korean sample text (looked at " + paths
        + "); install Debian package fonts-noto-cjk or set -D" + PROPERTY + "=<font file>");
  }
}
