package org.trainset.server.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The release as a script job sees it at {@code /data}: the same files, readable by the job's
 * unprivileged uid. The platform keeps data files private to the server (mode 600), and the job
 * gets no capability to read past that (CAP_DAC_READ_SEARCH would also open the host's files by
 * handle), so the sandbox makes a view once per release under {@code <dataDir>/sandbox/views/}:
 * files already readable by others are hard-linked, the rest copied with mode 644. The view folder
 * itself sits inside the server's private data folder; only the job's mount exposes it.
 */
final class ReleaseView {
  private static final String COMPLETE = ".complete";

  private ReleaseView() {}

  static synchronized Path of(Path sandboxRoot, String dataset, String version, Path release) throws IOException {
    Path view = sandboxRoot.resolve("views").resolve(dataset).resolve(version);
    if (Files.exists(view.resolve(COMPLETE))) return view.resolve("data");
    Path staging = Files.createDirectories(view.getParent()).resolve("." + version + ".staging");
    Isolation.deleteTree(staging);
    Path data = Files.createDirectories(staging.resolve("data"));
    try (var files = Files.walk(release)) {
      for (Path src : (Iterable<Path>) files.sorted()::iterator) {
        Path dst = data.resolve(release.relativize(src).toString());
        if (Files.isDirectory(src, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(dst);
          Files.setPosixFilePermissions(dst, PosixFilePermissions.fromString("rwxr-xr-x"));
        } else if (Files.isRegularFile(src, LinkOption.NOFOLLOW_LINKS)) {
          Set<PosixFilePermission> perms = Files.getPosixFilePermissions(src);
          if (perms.contains(PosixFilePermission.OTHERS_READ)) {
            try {
              Files.createLink(dst, src);
              continue;
            } catch (IOException | UnsupportedOperationException e) {
              // another file system: copy below
            }
          }
          Files.copy(src, dst, StandardCopyOption.COPY_ATTRIBUTES);
          Files.setPosixFilePermissions(dst, PosixFilePermissions.fromString("rw-r--r--"));
        }
      }
    }
    Files.createFile(staging.resolve(COMPLETE));
    Isolation.deleteTree(view);
    Files.move(staging, view, StandardCopyOption.ATOMIC_MOVE);
    return view.resolve("data");
  }
}
