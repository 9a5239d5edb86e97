package org.trainset.core.spi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What detectors look at: the path, a bounded listing of files under it, and the first bytes of
 * any file, read once and shared by all detectors. Detectors also say why they answered as they
 * did ({@link #saw} evidence, {@link #rejected} reasons) so that {@code trainset detect --explain}
 * can show it; the files whose heads a detector read are noted for it automatically.
 */
public final class DetectionContext {
  /** How many bytes of a file detectors may see. */
  public static final int HEAD_BYTES = 64 * 1024;
  /** How many files of a folder listing detectors may see. */
  public static final int MAX_LISTED = 20_000;
  /** Deep enough for grid layouts such as the face family's resolution/person/session/light/expression path. */
  private static final int MAX_DEPTH = 12;

  private final Path root;
  private List<Path> files;
  private final Map<Path, byte[]> heads = new HashMap<>();
  private Notes notes;

  /** What one detector said about its answer: evidence for it, reasons against, files it read. */
  public static final class Notes {
    private final List<String> evidence = new ArrayList<>();
    private final List<String> reasons = new ArrayList<>();
    private final java.util.Set<Path> read = new java.util.LinkedHashSet<>();

    public List<String> evidence() { return List.copyOf(evidence); }
    public List<String> reasons() { return List.copyOf(reasons); }
    public List<Path> filesRead() { return List.copyOf(read); }
  }

  /** Starts collecting a detector's notes (the registry does this before asking each detector). */
  public Notes beginNotes() {
    notes = new Notes();
    return notes;
  }

  /** Stops collecting notes. */
  public void endNotes() {
    notes = null;
  }

  /** Records what the detector found that speaks for its format ({@code "instances.json: has \"images\""}). */
  public void saw(String evidence) {
    if (notes != null) notes.evidence.add(evidence);
  }

  /** Records why the detector does not claim the path ({@code "no annotations.xml"}). */
  public void rejected(String reason) {
    if (notes != null) notes.reasons.add(reason);
  }

  /** The path of {@code file} as notes show it: relative to the root when inside it. */
  public String name(Path file) {
    if (file.equals(root)) return String.valueOf(file.getFileName());
    return file.startsWith(root) ? root.relativize(file).toString() : file.toString();
  }

  public DetectionContext(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  public boolean isDirectory() {
    return Files.isDirectory(root);
  }

  /** Regular files under root (root itself when it is a file), sorted, at most {@link #MAX_LISTED}. */
  public List<Path> files() throws IOException {
    if (files == null) {
      if (!Files.isDirectory(root)) {
        files = Files.isRegularFile(root) ? List.of(root) : List.of();
      } else {
        try (Stream<Path> s = Files.walk(root, MAX_DEPTH)) {
          files = s.filter(Files::isRegularFile).sorted().limit(MAX_LISTED).toList();
        }
      }
    }
    return files;
  }

  /** Files whose name ends with {@code suffix} (case-insensitive). */
  public List<Path> filesEndingWith(String suffix) throws IOException {
    String lower = suffix.toLowerCase(Locale.ROOT);
    List<Path> out = new ArrayList<>();
    for (Path f : files()) {
      if (f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(lower)) out.add(f);
    }
    return out;
  }

  /** The first {@link #HEAD_BYTES} bytes of {@code file}. */
  public byte[] head(Path file) throws IOException {
    if (notes != null) notes.read.add(file);
    byte[] cached = heads.get(file);
    if (cached == null && !Files.isRegularFile(file)) {
      // a FIFO or device would block the open; a dangling link has no bytes: nothing to see
      rejected(name(file) + ": not a regular file, not read");
      cached = new byte[0];
    } else if (cached == null) {
      try (InputStream in = Files.newInputStream(file)) {
        cached = in.readNBytes(HEAD_BYTES);
      }
      heads.put(file, cached);
    }
    return cached;
  }

  /** The head of {@code file} as UTF-8 text (a cut multi-byte character at the end is harmless). */
  public String headText(Path file) throws IOException {
    return new String(head(file), StandardCharsets.UTF_8);
  }

  /**
   * The first line of {@code file}'s head, without its line break ({@code \n} or {@code \r\n}):
   * where line formats (TSV, JSON Lines) show what they are. A byte-order mark is kept, for the
   * caller to judge: TSV readers skip one, JSON readers refuse it.
   */
  public String firstLine(Path file) throws IOException {
    String text = headText(file);
    int nl = text.indexOf('\n');
    String line = nl < 0 ? text : text.substring(0, nl);
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }
}
