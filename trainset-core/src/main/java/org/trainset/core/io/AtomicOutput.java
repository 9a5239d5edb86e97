package org.trainset.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Output that appears whole or not at all. Work happens in a hidden staging folder next to the
 * target; {@link #commit()} swaps it in with renames, and {@link #close()} without a commit
 * deletes the staging folder, so an interrupted or failed run leaves the earlier target intact.
 *
 * <p>Staging names carry the writing process's id ({@code .OUT.staging-<pid>-<n>},
 * {@code .OUT.partial-<pid>-<n>}, the previous output during the swap {@code .OUT.old-<pid>-<n>}).
 * A process killed outright (kill -9) cannot clean up, so the next output to the same target
 * removes what dead processes left behind (and puts back a previous output a kill caught
 * mid-swap); a live process's staging is never touched.
 *
 * <p>Staging is created like any new file or folder, so the published output has the modes the
 * user's umask gives (0644 / 0755 usually), not the owner-only modes of temporary files.
 */
public final class AtomicOutput implements AutoCloseable {
  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
  private static final long PID = ProcessHandle.current().pid();
  private final Path target;
  private final Path staging;
  private boolean committed;

  private AtomicOutput(Path target, Path staging) {
    this.target = target;
    this.staging = staging;
  }

  /** Stages a new directory that will replace {@code targetDir} on commit. */
  public static AtomicOutput directory(Path targetDir) throws IOException {
    Path abs = targetDir.toAbsolutePath().normalize();
    Path parent = abs.getParent();
    Files.createDirectories(parent);
    cleanStale(abs);
    while (true) {
      try {
        return new AtomicOutput(abs, Files.createDirectory(stagingName(abs, "staging")));
      } catch (java.nio.file.FileAlreadyExistsException taken) {
        // another name
      }
    }
  }

  /** Stages a single file that will replace {@code targetFile} on commit; write to {@link #path()}. */
  public static AtomicOutput file(Path targetFile) throws IOException {
    Path abs = targetFile.toAbsolutePath().normalize();
    Path parent = abs.getParent();
    Files.createDirectories(parent);
    cleanStale(abs);
    while (true) {
      try {
        return new AtomicOutput(abs, Files.createFile(stagingName(abs, "partial")));
      } catch (java.nio.file.FileAlreadyExistsException taken) {
        // another name
      }
    }
  }

  /**
   * A new hidden working folder beside {@code target} ({@code .OUT.<kind>-<random>}): on the same
   * file system as the output, so files made there (copied or changed media) move into it by
   * rename. Unlike staging, it is not cleaned up here; the caller deletes it.
   */
  public static Path scratchBeside(Path target, String kind) throws IOException {
    Path abs = target.toAbsolutePath().normalize();
    Files.createDirectories(abs.getParent());
    return Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + "." + kind + "-");
  }

  private static Path stagingName(Path target, String kind) {
    return target.resolveSibling("." + target.getFileName() + "." + kind + "-" + PID + "-" + (RANDOM.nextLong() & Long.MAX_VALUE));
  }

  /**
   * Removes the staging left next to {@code target} by processes that no longer run, and puts
   * back a previous output that a kill caught between the two renames of {@link #commit()}.
   */
  static void cleanStale(Path target) throws IOException {
    java.util.regex.Pattern own = java.util.regex.Pattern.compile(
        java.util.regex.Pattern.quote("." + target.getFileName() + ".") + "(staging|partial|old)-(\\d+)-\\d+");
    List<Path> stale = new ArrayList<>();
    try (java.util.stream.Stream<Path> siblings = Files.list(target.getParent())) {
      for (Path p : (Iterable<Path>) siblings::iterator) {
        java.util.regex.Matcher m = own.matcher(p.getFileName().toString());
        if (!m.matches()) continue;
        long pid = Long.parseLong(m.group(2));
        boolean alive = pid == PID || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        if (!alive) stale.add(p);
      }
    }
    stale.sort(null);
    for (Path p : stale) {
      boolean backup = p.getFileName().toString().startsWith("." + target.getFileName() + ".old-");
      if (backup && !Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        move(p, target); // killed mid-swap: the earlier output comes back
      } else {
        deleteRecursively(p);
      }
    }
  }

  /** Writes {@code targetFile} atomically from {@code body}. */
  public static void writeFile(Path targetFile, IoConsumer<OutputStream> body) throws IOException {
    try (AtomicOutput out = file(targetFile)) {
      try (OutputStream os = Files.newOutputStream(out.path())) {
        body.accept(os);
      }
      out.commit();
    }
  }

  /** Where to write: the staging directory or file. */
  public Path path() {
    return staging;
  }

  /** The final location. */
  public Path target() {
    return target;
  }

  /** Resolves {@code relative} inside the staging directory, refusing paths that escape it. */
  public Path resolve(String relative) throws IOException {
    return SafePaths.resolveInside(staging, relative);
  }

  /** Moves the staged output into place, replacing what was there. */
  public void commit() throws IOException {
    if (committed) return;
    Path backup = null;
    if (Files.exists(target)) {
      backup = stagingName(target, "old");
      move(target, backup);
    }
    try {
      move(staging, target);
    } catch (IOException e) {
      if (backup != null) move(backup, target);
      throw e;
    }
    committed = true;
    if (backup != null) deleteRecursively(backup);
  }

  /** Discards the staged output unless committed. */
  @Override public void close() throws IOException {
    if (!committed) deleteRecursively(staging);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  public static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
    Files.walkFileTree(p, new SimpleFileVisitor<>() {
      @Override public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
        Files.delete(f);
        return FileVisitResult.CONTINUE;
      }

      @Override public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        if (e != null) throw e;
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** An output step that may fail with an I/O error. */
  @FunctionalInterface
  public interface IoConsumer<T> {
    void accept(T value) throws IOException;
  }
}
