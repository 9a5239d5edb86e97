package org.trainset.server.ops;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.trainset.core.io.InputException;
import org.trainset.core.io.SafePaths;

/**
 * Uploaded archives in and export archives out. Extraction refuses entries that would land
 * outside the target folder (absolute paths, {@code ..}, links), and stops at the entry-count
 * and byte limits, so an archive cannot write elsewhere or fill the disk.
 */
public final class Archives {
  /** Limits on what one archive may unpack to. */
  public record Limits(long maxBytes, int maxEntries) {
    public static final Limits DEFAULT = new Limits(20L * 1024 * 1024 * 1024, 2_000_000);
  }

  private Archives() {}

  /** Unpacks a zip, tar or tar.gz (told apart by their first bytes) into {@code target}. */
  public static void extract(Path archive, String name, Path target, Limits limits) throws IOException {
    Files.createDirectories(target);
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive))) {
      raw.mark(4);
      int b0 = raw.read(), b1 = raw.read();
      raw.reset();
      ArchiveInputStream<? extends ArchiveEntry> in;
      if (b0 == 'P' && b1 == 'K') {
        in = new ZipArchiveInputStream(raw);
      } else if (b0 == 0x1f && b1 == 0x8b) {
        in = new TarArchiveInputStream(new GzipCompressorInputStream(raw));
      } else if (isTar(archive)) {
        in = new TarArchiveInputStream(raw);
      } else {
        throw new InputException(Path.of(name), "archive", "not a zip or tar archive");
      }
      try (in) {
        unpack(in, name, target, limits);
      }
    }
  }

  private static boolean isTar(Path archive) throws IOException {
    try (InputStream in = Files.newInputStream(archive)) {
      byte[] header = in.readNBytes(512);
      return header.length == 512 && new String(header, 257, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("ustar");
    }
  }

  private static void unpack(ArchiveInputStream<? extends ArchiveEntry> in, String name, Path target, Limits limits)
      throws IOException {
    long total = 0;
    int entries = 0;
    byte[] buf = new byte[64 * 1024];
    for (ArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
      if (++entries > limits.maxEntries()) throw new InputException(Path.of(name), "archive-limit", "more than " + limits.maxEntries() + " entries");
      if (e instanceof TarArchiveEntry t && (t.isSymbolicLink() || t.isLink() || t.isCharacterDevice()
          || t.isBlockDevice() || t.isFIFO())) {
        throw new InputException(Path.of(name), "archive-entry", "entry '" + e.getName() + "' is a link or device; refused");
      }
      if (e instanceof ZipArchiveEntry z && z.isUnixSymlink()) {
        throw new InputException(Path.of(name), "archive-entry", "entry '" + e.getName() + "' is a symbolic link; refused");
      }
      Path dest;
      try {
        dest = SafePaths.resolveInside(target, e.getName());
      } catch (InputException x) {
        throw new InputException(Path.of(name), "zip-slip", "entry '" + e.getName() + "' would be written outside the archive's folder");
      }
      if (e.isDirectory()) {
        Files.createDirectories(dest);
        continue;
      }
      Files.createDirectories(dest.getParent());
      try (OutputStream out = Files.newOutputStream(dest)) {
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
          total += n;
          if (total > limits.maxBytes()) {
            throw new InputException(Path.of(name), "archive-limit", "unpacks to more than " + limits.maxBytes() + " bytes");
          }
          out.write(buf, 0, n);
        }
      }
    }
    if (entries == 0) throw new InputException(Path.of(name), "archive", "empty or not an archive");
  }

  /** Zips the folder {@code dir} into {@code zip} (entries relative to {@code dir}). */
  public static void zip(Path dir, Path zip) throws IOException {
    try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(Files.newOutputStream(zip));
         var files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files.sorted()::iterator) {
        if (!Files.isRegularFile(f)) continue;
        ZipArchiveEntry entry = new ZipArchiveEntry(SafePaths.relative(dir, f));
        entry.setSize(Files.size(f));
        out.putArchiveEntry(entry);
        Files.copy(f, out);
        out.closeArchiveEntry();
      }
    }
  }

}
