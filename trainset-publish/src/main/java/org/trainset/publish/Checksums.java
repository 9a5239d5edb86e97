package org.trainset.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** SHA-256 of a release's files, and the {@code SHA256SUMS} file that {@code sha256sum -c} checks. */
public final class Checksums {
  private Checksums() {}

  /** One file of a release: its path relative to the release folder ('/'-separated), size and digest. */
  public record FileEntry(String path, long size, String sha256) {}

  public static String sha256(Path file) throws IOException {
    MessageDigest md = digest();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      for (int n = in.read(buf); n > 0; n = in.read(buf)) md.update(buf, 0, n);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  public static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every regular file under {@code root} except {@code excluded} names at the top, sorted by path (byte order of the relative path). */
  public static List<FileEntry> list(Path root, List<String> excluded) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile).forEach(files::add);
    }
    List<FileEntry> entries = new ArrayList<>();
    for (Path f : files) {
      String rel = relative(root, f);
      if (excluded.contains(rel)) continue;
      entries.add(new FileEntry(rel, Files.size(f), sha256(f)));
    }
    entries.sort((a, b) -> a.path().compareTo(b.path()));
    return entries;
  }

  static String relative(Path root, Path file) {
    List<String> parts = new ArrayList<>();
    for (Path p : root.relativize(file)) parts.add(p.toString());
    return String.join("/", parts);
  }

  /**
   * The text of {@code SHA256SUMS}: {@code <hex>  <path>} per line, as GNU {@code sha256sum}
   * writes it in text mode. Names that {@code sha256sum} would escape (backslash, newline) are
   * refused rather than written in a form it cannot check.
   */
  public static byte[] sumsFile(List<FileEntry> entries) {
    StringBuilder sb = new StringBuilder();
    for (FileEntry e : entries) {
      if (e.path().indexOf('\\') >= 0 || e.path().indexOf('\n') >= 0 || e.path().indexOf('\r') >= 0) {
        throw new IllegalArgumentException(e.path() + ": a file name with a backslash or line break cannot be listed in SHA256SUMS");
      }
      sb.append(e.sha256()).append("  ").append(e.path()).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }
}
