package org.trainset.server.access;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.trainset.server.Ids;

/**
 * The whole-release zip, built once per release into the platform's cache folder (never inside a
 * release folder, so it is never served as a release file) and then served like any file: strong
 * ETag, ranges, resumable.
 *
 * <p>The bytes are deterministic, so the ETag (the zip's SHA-256) means the same archive on every
 * build: entries in name order ({@link Downloads#files}: the files of {@code SHA256SUMS}, then
 * {@code SHA256SUMS}), each under {@code DATASET-VERSION/}, with the fixed time 1980-01-01 00:00
 * (the first DOS time; no extended time fields) and STORED, not deflated. STORED because a release
 * is mostly media that are already compressed (JPEG, PNG, MP4, DICOM), deflate output depends on
 * the zlib build (the ETag would change with the JDK), and the build is then I/O bound: two reads
 * of each file (CRC, then copy), no compression CPU.
 *
 * <p>The cache key is the SHA-256 of the release's {@code SHA256SUMS}: a release never changes, and
 * if its folder ever did, the key would too. Building writes a temporary file beside the target,
 * forces it to disk, writes the {@code .sha256} record (temp + move) and moves the zip into place
 * atomically; concurrent first requests in this process wait for one build, and two processes
 * building at once write the same bytes, so either move is right.
 */
public final class ReleaseArchives {
  /** The cached zip of a release: its file, length and SHA-256 (the strong ETag). */
  public record Archive(Path file, long length, String sha256) {}

  private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

  private final Path cacheRoot;
  private final ConcurrentHashMap<Path, Object> building = new ConcurrentHashMap<>();

  /** {@code cacheRoot}: the platform's archive cache, e.g. {@code <data>/cache/archives}. */
  public ReleaseArchives(Path cacheRoot) {
    this.cacheRoot = cacheRoot;
  }

  /** The archive of release {@code dataset} {@code version} in folder {@code dir}, built on first use. */
  public Archive archive(String dataset, String version, Path dir) throws IOException {
    byte[] sums = Files.isRegularFile(dir.resolve("SHA256SUMS")) ? Files.readAllBytes(dir.resolve("SHA256SUMS")) : new byte[0];
    Path folder = cacheRoot.resolve(dataset).resolve(version).normalize();
    if (!folder.startsWith(cacheRoot.normalize()) || folder.getNameCount() != cacheRoot.normalize().getNameCount() + 2) {
      throw new IOException("release name '" + dataset + "' '" + version + "' is not a folder name");
    }
    Path zip = folder.resolve(Ids.sha256Hex(sums) + ".zip");
    Path record = folder.resolve(zip.getFileName() + ".sha256");
    Archive ready = cached(zip, record);
    if (ready != null) return ready;
    synchronized (building.computeIfAbsent(zip, k -> new Object())) {
      ready = cached(zip, record);
      if (ready != null) return ready;
      Files.createDirectories(folder);
      removeAbandoned(folder);
      Path tmp = Files.createTempFile(folder, ".build-", ".tmp");
      try {
        String sha = write(dataset + "-" + version + "/", dir, tmp);
        Path recordTmp = Files.createTempFile(folder, ".record-", ".tmp");
        Files.writeString(recordTmp, sha + "\n", StandardCharsets.US_ASCII);
        move(recordTmp, record);
        move(tmp, zip);
        return new Archive(zip, Files.size(zip), sha);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /**
   * Temporary files of builds that were killed (another process, a crash): a running build writes
   * its file continuously, so one untouched for an hour is abandoned.
   */
  private static void removeAbandoned(Path folder) throws IOException {
    long before = System.currentTimeMillis() - 3_600_000L;
    try (var files = Files.list(folder)) {
      for (Path p : files.toList()) {
        String n = p.getFileName().toString();
        if ((n.startsWith(".build-") || n.startsWith(".record-")) && n.endsWith(".tmp")
            && Files.getLastModifiedTime(p).toMillis() < before) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static Archive cached(Path zip, Path record) throws IOException {
    if (!Files.isRegularFile(zip) || !Files.isRegularFile(record)) return null;
    String sha = Files.readString(record, StandardCharsets.US_ASCII).trim();
    return sha.matches("[0-9a-f]{64}") ? new Archive(zip, Files.size(zip), sha) : null;
  }

  /** Writes the zip of release folder {@code dir} to {@code target}; returns its SHA-256. */
  static String write(String prefix, Path dir, Path target) throws IOException {
    MessageDigest digest = Ids.sha256();
    try (OutputStream file = Files.newOutputStream(target, StandardOpenOption.TRUNCATE_EXISTING);
        ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(new DigestOutputStream(file, digest), 1 << 20),
            StandardCharsets.UTF_8)) {
      for (String name : Downloads.files(dir)) {
        Path f = Downloads.fileOf(dir, name);
        long size = Files.size(f);
        ZipEntry e = new ZipEntry(prefix + name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(size);
        e.setCompressedSize(size);
        e.setCrc(crc(f));
        e.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(e);
        try (InputStream in = Files.newInputStream(f)) {
          long copied = in.transferTo(zip);
          if (copied != size) throw new IOException(name + " changed while the archive was built");
        }
        zip.closeEntry();
      }
    }
    try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static long crc(Path f) throws IOException {
    CRC32 crc = new CRC32();
    byte[] buf = new byte[1 << 20];
    try (InputStream in = Files.newInputStream(f)) {
      for (int n; (n = in.read(buf)) > 0; ) crc.update(buf, 0, n);
    }
    return crc.getValue();
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
