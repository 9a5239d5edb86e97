package org.trainset.spark;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.spark.util.SerializableConfiguration;
import org.trainset.core.spi.Storage;

/**
 * Read parts' locations on a Hadoop {@code FileSystem}: {@code file://} (and plain paths) are
 * opened in place; any other scheme ({@code hdfs://}, {@code s3a://}) is copied once per
 * executor into a local staging folder (the file, or the folder with everything in it), because
 * the readers are unchanged {@code java.nio} code. Parts record the paths the driver planned on
 * ({@code plannedRoot}); they are mapped back under {@code remoteRoot} before fetching.
 */
public final class HadoopStorage implements Storage {
  private static final long serialVersionUID = 1L;

  private final String remoteRoot;
  private final String plannedRoot;
  private final SerializableConfiguration conf;
  private final boolean stageLocalFiles;

  /**
   * @param remoteRoot      the dataset's URI as given ({@code hdfs://nn/data/sidewalk})
   * @param plannedRoot     the local path the driver planned on (its staged copy), or null
   * @param conf            Hadoop settings (credentials, endpoints) for the executors
   * @param stageLocalFiles copy even {@code file:} locations (tests use it to drive the staging path)
   */
  public HadoopStorage(String remoteRoot, String plannedRoot, Configuration conf, boolean stageLocalFiles) {
    this.remoteRoot = trimSlash(remoteRoot);
    this.plannedRoot = plannedRoot == null ? null : trimSlash(plannedRoot);
    this.conf = new SerializableConfiguration(conf);
    this.stageLocalFiles = stageLocalFiles;
  }

  @Override public Path local(String location) throws IOException {
    String remote = location;
    if (plannedRoot != null && (location.equals(plannedRoot) || location.startsWith(plannedRoot + "/"))) {
      remote = remoteRoot + location.substring(plannedRoot.length());
    }
    URI uri = toUri(remote);
    FileSystem fs = FileSystem.get(uri, conf.value());
    boolean local = fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem;
    if (local && !stageLocalFiles) return Path.of(uri.getPath());
    return stage(fs, uri);
  }

  /** The local copy of {@code uri}, fetched once per JVM; concurrent tasks wait for one copy. */
  private static synchronized Path stage(FileSystem fs, URI uri) throws IOException {
    Path cache = Path.of(System.getProperty("java.io.tmpdir"), "trainset-staging", digest(uri.toString()));
    Path target = cache.resolve(name(uri));
    if (Files.exists(cache.resolve(".complete"))) return target;
    Path partial = Files.createDirectories(cache.resolveSibling(cache.getFileName() + ".partial"));
    fs.copyToLocalFile(false, new org.apache.hadoop.fs.Path(uri), new org.apache.hadoop.fs.Path(partial.resolve(name(uri)).toUri()), true);
    Files.createFile(partial.resolve(".complete"));
    Files.move(partial, cache, StandardCopyOption.ATOMIC_MOVE);
    return target;
  }

  static URI toUri(String location) {
    if (location.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") && !location.matches("^[A-Za-z]:\\\\.*")) return URI.create(location);
    return Path.of(location).toAbsolutePath().toUri();
  }

  /** True for a location on another file system than this machine's ({@code hdfs://}, {@code s3a://}). */
  public static boolean isRemote(String data) {
    URI uri = toUri(data);
    return uri.getScheme() != null && !"file".equals(uri.getScheme());
  }

  private static String name(URI uri) {
    String p = trimSlash(uri.getPath());
    String n = p.substring(p.lastIndexOf('/') + 1);
    return n.isEmpty() ? "root" : n;
  }

  private static String trimSlash(String s) {
    return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private static String digest(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)))
          .substring(0, 24);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override public String toString() {
    return "hadoop(" + remoteRoot + ")";
  }
}
