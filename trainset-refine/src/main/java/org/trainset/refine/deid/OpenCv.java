package org.trainset.refine.deid;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import org.opencv.core.Core;

/**
 * Loads OpenCV's native library (bundled for linux x86_64 and others by org.openpnp:opencv) once.
 *
 * <p>{@code nu.pattern.OpenCV.loadLocally()} inflates the 65 MB library from the jar into a new
 * temporary file on every start, which cost a short CLI run (`dedup images`) 0.5–1 s of CPU. On
 * linux x86_64 the library is instead extracted once into a per-user cache folder
 * ({@code $XDG_CACHE_HOME/trainset/native} or {@code ~/.cache/trainset/native}, owner-only), named
 * by the jar entry's size and CRC so a different build never picks up a stale copy; written to a
 * temporary file and moved into place, so concurrent first runs never load a half-written file.
 * Anything unusual (no cache folder, another platform, not running from a jar) falls back to the
 * library's own loader.
 */
public final class OpenCv {
  private static volatile boolean loaded;

  private OpenCv() {}

  public static synchronized void load() {
    if (!loaded) {
      Path cached = cachedLibrary(cacheFolder());
      if (cached != null) {
        System.load(cached.toString());
      } else {
        nu.pattern.OpenCV.loadLocally();
      }
      loaded = true;
    }
  }

  /** The cached native library, extracted now if needed; null when the fast path does not apply. */
  static Path cachedLibrary(Path base) {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) return null;
    String name = System.mapLibraryName(Core.NATIVE_LIBRARY_NAME);
    URL url = nu.pattern.OpenCV.class.getResource("/nu/pattern/opencv/linux/x86_64/" + name);
    if (url == null || base == null) return null;
    try {
      URLConnection c = url.openConnection();
      if (!(c instanceof JarURLConnection jar) || jar.getJarEntry() == null) return null;
      long size = jar.getJarEntry().getSize(), crc = jar.getJarEntry().getCrc();
      if (size <= 0 || crc < 0) return null;
      Path dir = base.resolve(Core.NATIVE_LIBRARY_NAME + "-" + size + "-" + Long.toHexString(crc));
      Path lib = dir.resolve(name);
      if (Files.isRegularFile(lib) && Files.size(lib) == size) return lib;
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      Path tmp = Files.createTempFile(dir, name, ".part");
      try (InputStream in = jar.getInputStream()) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        if (Files.size(tmp) != size) return null;
        Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
      return lib;
    } catch (IOException | RuntimeException e) {
      return null; // read-only home, odd class loader: the library's own loader still works
    }
  }

  private static Path cacheFolder() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    String home = System.getProperty("user.home");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
        : home != null && !home.isBlank() && !home.equals("?") ? Path.of(home, ".cache") : null;
    return base == null ? null : base.resolve("trainset").resolve("native");
  }
}
