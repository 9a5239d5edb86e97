package org.trainset.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Folder helpers the tests share: copying a generated dataset, planting a FIFO in one. */
public final class TestTrees {
  private TestTrees() {}

  /** Copies the tree {@code from} to {@code to} (which must not exist yet); returns {@code to}. */
  public static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path dst = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(dst);
        else Files.copy(p, dst);
      }
    }
    return to;
  }

  /** Creates a named pipe at {@code p} with the system's {@code mkfifo} (Java has no API for it). */
  public static void mkfifo(Path p) throws IOException, InterruptedException {
    Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
    if (!mk.waitFor(10, TimeUnit.SECONDS) || mk.exitValue() != 0) throw new IOException("mkfifo " + p + " failed");
  }
}
