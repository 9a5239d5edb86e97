package org.trainset.server.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.trainset.server.ApiException;
import org.trainset.server.ops.Archives;

/** Puts a job's uploaded program where the sandbox mounts it ({@code /job}), readable by the job's uid only as "other". */
final class JobFiles {
  private static final Archives.Limits LIMITS = new Archives.Limits(512L << 20, 10_000);

  private JobFiles() {}

  /** Places the upload in {@code dir}; returns the entry file's path relative to it. */
  static String place(Path upload, String fileName, String runtime, String entry, Path dir) throws IOException {
    byte[] head = FileTypes.head(upload);
    String name = safeName(fileName == null ? "upload" : fileName);
    try {
      if (runtime.equals("jar")) {
        if (!FileTypes.isZip(head)) throw ApiException.badRequest("file: a jar must be a ZIP archive (got another kind of file)");
        if (!name.endsWith(".jar")) name = name + ".jar";
        Files.move(upload, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        entry = name;
      } else if (FileTypes.isZip(head)) {
        if (entry == null || entry.isBlank()) throw ApiException.badRequest("entry: required with a zip (the .py file to run)");
        Archives.extract(upload, name, dir, LIMITS);
      } else {
        if (FileTypes.text(Files.readAllBytes(upload)) == null) throw ApiException.badRequest("file: expected a Python source file or a zip");
        if (!name.endsWith(".py")) name = name + ".py";
        Files.move(upload, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        if (entry == null || entry.isBlank()) entry = name;
      }
    } finally {
      Files.deleteIfExists(upload);
    }
    Path e = dir.resolve(entry).normalize();
    if (!e.startsWith(dir) || !Files.isRegularFile(e, LinkOption.NOFOLLOW_LINKS)) {
      throw ApiException.badRequest("entry: '" + entry + "' is not a file of the upload");
    }
    openUp(dir);
    return dir.relativize(e).toString();
  }

  /** Folders 755 and files 644: the job's uid reads them as "other"; nothing is writable to it. */
  private static void openUp(Path dir) throws IOException {
    try (var s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (Files.isSymbolicLink(p)) continue;
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
      }
    }
  }

  private static String safeName(String n) {
    String base = n.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
    if (base.isEmpty() || base.startsWith(".")) base = "upload" + base;
    return base;
  }
}
