package org.trainset.families.samples;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trainset.core.env.MissingRequirementException;
import org.trainset.core.env.Requirement;

/**
 * The CJK font sample images are drawn with. Loaded from its file (Debian {@code fonts-noto-cjk})
 * rather than by family name, so every machine renders the same glyphs and a missing font is a
 * clear error (exit 3 naming the package) instead of silent tofu boxes.
 */
public final class KoreanFont implements Requirement {
  /** Overrides the font file (any TrueType/OpenType file or collection with Hangul). */
  public static final String PROPERTY = "trainset.cjkFont";
  /** The same, as an environment variable (the property wins). */
  public static final String ENV = "TRAINSET_CJK_FONT";
  static final List<String> CANDIDATES = List.of(
      "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
      "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
      "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc");

  private static final Map<Path, Font> LOADED = new HashMap<>();

  /** For ServiceLoader ({@code trainset doctor}). */
  public KoreanFont() {}

  /** The font at {@code size} points; {@link MissingRequirementException} when no CJK font file is installed. */
  public static synchronized Font of(float size) throws IOException {
    Path file = file().orElseThrow(() -> new MissingRequirementException(new KoreanFont()));
    Font base = LOADED.get(file);
    if (base == null) {
      base = load(file);
      LOADED.put(file, base);
    }
    return base.deriveFont(size);
  }

  /** The font file to use: the override if set (existing or not), else the first Debian candidate present. */
  public static Optional<Path> file() {
    String override = System.getProperty(PROPERTY, System.getenv(ENV));
    List<String> paths = override != null && !override.isEmpty() ? List.of(override) : CANDIDATES;
    return paths.stream().map(Path::of).filter(Files::isRegularFile).findFirst();
  }

  private static Font load(Path file) throws IOException {
    if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    try {
      Font[] fonts = Font.createFonts(file.toFile());
      for (Font f : fonts) {
        if (f.canDisplay('한') && f.getFamily().contains("KR")) return f;
      }
      for (Font f : fonts) {
        if (f.canDisplay('한')) return f;
      }
      throw new MissingRequirementException("a font with Hangul (" + file + " has none)", "fonts-noto-cjk",
          "point " + ENV + " or -D" + PROPERTY + " at one");
    } catch (FontFormatException e) {
      throw new MissingRequirementException("a usable CJK font (" + file + " is not one)", "fonts-noto-cjk",
          "point " + ENV + " or -D" + PROPERTY + " at one");
    }
  }

  @Override public String name() { return "CJK font"; }
  @Override public String debianPackage() { return "fonts-noto-cjk"; }
  @Override public String usedBy() { return "trainset sample (Korean text drawn into sample images)"; }
  @Override public String alternative() { return "set " + ENV + " or -D" + PROPERTY + " to a font file"; }
  @Override public Optional<String> locate() { return file().map(Path::toString); }
}
