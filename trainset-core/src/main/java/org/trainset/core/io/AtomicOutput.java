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

/**
 * Output that appears whole or not at all. Work happens in a hidden staging folder next to the
 * target; {@link #commit()} swaps it in with renames, and {@link #close()} without a commit
 * deletes the staging folder, so an interrupted or failed run leaves the earlier target intact.
 */
public final class AtomicOutput implements AutoCloseable {
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
    Path staging = Files.createTempDirectory(parent, "." + abs.getFileName() + ".staging-");
    return new AtomicOutput(abs, staging);
  }

  /** Stages a single file that will replace {@code targetFile} on commit; write to {@link #path()}. */
  public static AtomicOutput file(Path targetFile) throws IOException {
    Path abs = targetFile.toAbsolutePath().normalize();
    Path parent = abs.getParent();
    Files.createDirectories(parent);
    Path staging = Files.createTempFile(parent, "." + abs.getFileName() + ".", ".partial");
    return new AtomicOutput(abs, staging);
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
      backup = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
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
