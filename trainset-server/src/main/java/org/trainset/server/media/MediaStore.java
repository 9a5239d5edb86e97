package org.trainset.server.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.trainset.server.Ids;

/**
 * Media files by content: {@code media/ab/cdef...} under the data folder, named by SHA-256, so
 * the same file imported twice is stored once and a stored file never changes.
 */
public final class MediaStore {
  /** A stored file. */
  public record Stored(String sha256, long size) {}

  private final Path root;
  private final Path incoming;

  public MediaStore(Path dataDir) throws IOException {
    this.root = dataDir.resolve("media");
    this.incoming = root.resolve("incoming");
    Files.createDirectories(incoming);
  }

  /** Copies {@code in} into the store, hashing as it streams. */
  public Stored put(InputStream in) throws IOException {
    Path tmp = Files.createTempFile(incoming, "in", ".part");
    try {
      MessageDigest sha = Ids.sha256();
      long size;
      try (DigestInputStream d = new DigestInputStream(in, sha); OutputStream out = Files.newOutputStream(tmp)) {
        size = d.transferTo(out);
      }
      String hex = HexFormat.of().formatHex(sha.digest());
      Path dest = pathOf(hex);
      if (!Files.exists(dest)) {
        Files.createDirectories(dest.getParent());
        Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
      return new Stored(hex, size);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  public Stored put(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return put(in);
    }
  }

  /** Where the file with this hash lives (it may not exist). */
  public Path pathOf(String sha256) {
    if (!sha256.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("not a SHA-256: " + sha256);
    return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2));
  }
}
