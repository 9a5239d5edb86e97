package org.trainset.core.io;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;
import org.trainset.core.issue.Issue;
import org.trainset.core.issue.Severity;
import org.trainset.core.spi.ProblemSink;

/**
 * The one safe walk over a dataset folder. {@code Files.walk(...).filter(Files::isRegularFile)}
 * silently drops what a dataset should never hold unnoticed — a symlink whose target is gone, a
 * FIFO, socket or device (which would block a reader that opens it), a name that is not valid
 * UTF-8 (the JVM cannot open it again by its decoded name) — so item counts shrink with exit 0.
 * Here each such entry whose name the caller wants is an error {@link Issue} naming the path
 * (fatal when reading, a finding for {@code validate}) and is never opened. Symlinks to regular
 * files are followed; symlinked folders are not entered (no cycles).
 */
public final class DatasetFolder {
  /** Rule ids of the problems reported. */
  public static final String DANGLING_SYMLINK = "dangling-symlink";
  public static final String NOT_A_REGULAR_FILE = "not-a-regular-file";
  public static final String FILE_NAME_ENCODING = "file-name-encoding";

  private DatasetFolder() {}

  /** Regular files under {@code root} whose path {@code wanted} accepts, sorted, down to {@code maxDepth}. */
  public static List<Path> files(Path root, int maxDepth, Predicate<Path> wanted, ProblemSink problems)
      throws IOException {
    List<Path> out = new ArrayList<>();
    // collected, then reported in path order, so the first (fatal) one does not depend on listing order
    List<Issue> odd = new ArrayList<>();
    ProblemSink collect = odd::add;
    IOException[] failure = {null};
    // the walk follows no links, so a dataset folder given as a symlink (a person or sample folder
    // listed by folders(), a dataset linked in) is walked from its target, its entries named under the link
    Path start = Files.isSymbolicLink(root) && Files.isDirectory(root) ? root.toRealPath() : root;
    java.util.function.UnaryOperator<Path> named = start == root ? p -> p : p -> root.resolve(start.relativize(p).toString());
    Files.walkFileTree(start, EnumSet.noneOf(FileVisitOption.class), maxDepth, new SimpleFileVisitor<>() {
      @Override public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
        if (!d.equals(start) && badName(named.apply(d), collect)) return FileVisitResult.SKIP_SUBTREE;
        return FileVisitResult.CONTINUE;
      }

      @Override public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
        Path file = named.apply(f);
        if (!wanted.test(file)) return FileVisitResult.CONTINUE;
        if (attrs.isDirectory()) { // a folder at maxDepth, named like the files wanted here
          collect.report(Issue.at(Severity.ERROR, NOT_A_REGULAR_FILE, file.toString(), -1, null, null,
              "a folder where a file of the dataset is expected"));
          return FileVisitResult.CONTINUE;
        }
        if (badName(file, collect)) return FileVisitResult.CONTINUE;
        if (attrs.isRegularFile()) {
          out.add(file);
        } else if (attrs.isSymbolicLink()) {
          if (Files.isRegularFile(file)) {
            out.add(file);
          } else if (!Files.exists(file)) {
            collect.report(Issue.at(Severity.ERROR, DANGLING_SYMLINK, file.toString(), -1, null, null,
                "a symbolic link to " + target(file) + ", which does not exist; skipped"));
          } else if (!Files.isDirectory(file)) {
            collect.report(Issue.at(Severity.ERROR, NOT_A_REGULAR_FILE, file.toString(), -1, null, null,
                "a symbolic link to something that is not a regular file (" + target(file) + "); not opened"));
          }
        } else {
          collect.report(Issue.at(Severity.ERROR, NOT_A_REGULAR_FILE, file.toString(), -1, null, null,
              "not a regular file (a FIFO, socket or device); not opened"));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override public FileVisitResult visitFileFailed(Path f, IOException e) {
        if (failure[0] == null) failure[0] = unreadable(named.apply(f), e);
        return FileVisitResult.TERMINATE;
      }
    });
    if (failure[0] != null) throw failure[0];
    odd.sort(java.util.Comparator.comparing(Issue::file));
    for (Issue i : odd) problems.report(i);
    out.sort(null);
    return out;
  }

  /**
   * The folders under {@code root} (root included), down to {@code maxDepth}, whose path
   * {@code wanted} accepts, sorted: for readers with one part per folder found some levels down
   * (a face person, an x-ray sample, a motion camera). Each level is listed with
   * {@link #folders(Path, Predicate, ProblemSink)}, so a wanted name that is a dangling symlink or a
   * FIFO is reported rather than its folder's items dropped; a symlinked folder is listed when
   * wanted but not entered on the way down (no cycles).
   */
  public static List<Path> folders(Path root, int maxDepth, Predicate<Path> wanted, ProblemSink problems)
      throws IOException {
    List<Path> out = new ArrayList<>();
    if (wanted.test(root)) out.add(root);
    descend(root, maxDepth, wanted, problems, out);
    out.sort(null);
    return out;
  }

  private static void descend(Path dir, int depth, Predicate<Path> wanted, ProblemSink problems, List<Path> out)
      throws IOException {
    if (depth <= 0) return;
    // every folder is entered on the way down; of the other entries only wanted names are looked at
    for (Path p : folders(dir, p -> wanted.test(p) || depth > 1 && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS), problems)) {
      if (wanted.test(p)) out.add(p);
      if (!Files.isSymbolicLink(p)) descend(p, depth - 1, wanted, problems, out);
    }
  }

  /**
   * The folders directly in {@code dir} whose path {@code wanted} accepts, sorted; symlinks to
   * folders count as folders. A wanted name that is a dangling symlink or a FIFO, socket or device
   * (a folder gone wrong, never opened), and any folder whose name is not valid UTF-8, go to
   * {@code problems} and are left out. Regular files are passed over: they are not folders, and a
   * caller that wants them lists them with {@link #files}.
   */
  public static List<Path> folders(Path dir, Predicate<Path> wanted, ProblemSink problems) throws IOException {
    List<Path> out = new ArrayList<>();
    List<Issue> odd = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      for (Path p : s) {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        boolean folder = a.isDirectory() || a.isSymbolicLink() && Files.isDirectory(p);
        if (folder && badName(p, odd::add) || !wanted.test(p)) continue;
        if (folder) {
          out.add(p);
        } else if (a.isSymbolicLink() && !Files.exists(p)) {
          odd.add(Issue.at(Severity.ERROR, DANGLING_SYMLINK, p.toString(), -1, null, null,
              "a symbolic link to " + target(p) + ", which does not exist; skipped"));
        } else if (a.isOther() || a.isSymbolicLink() && !Files.isRegularFile(p)) {
          odd.add(Issue.at(Severity.ERROR, NOT_A_REGULAR_FILE, p.toString(), -1, null, null,
              "not a folder nor a regular file (a FIFO, socket or device); not opened"));
        }
      }
    } catch (DirectoryIteratorException e) {
      throw unreadable(dir, e.getCause());
    } catch (InputException e) {
      throw e;
    } catch (IOException e) {
      throw unreadable(dir, e);
    }
    odd.sort(java.util.Comparator.comparing(Issue::file));
    for (Issue i : odd) problems.report(i);
    out.sort(null);
    return out;
  }

  private static InputException unreadable(Path file, IOException e) {
    return new InputException(file, -1, -1, null, "unreadable",
        e instanceof java.nio.file.AccessDeniedException ? "permission denied" : "cannot be listed: " + e.getMessage(), e);
  }

  /**
   * Whether the optional dataset file {@code file} is there: true for a regular file (or a symlink
   * to one), false when nothing has that name; a dangling symlink, a FIFO/socket/device or a
   * folder in its place is an {@link InputException} naming it (never opened).
   */
  public static boolean present(Path file) throws InputException {
    if (Files.isRegularFile(file)) return true;
    if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return false;
    if (Files.isSymbolicLink(file) && !Files.exists(file)) {
      throw new InputException(file, DANGLING_SYMLINK, "a symbolic link to " + target(file) + ", which does not exist");
    }
    throw new InputException(file, NOT_A_REGULAR_FILE, Files.isDirectory(file)
        ? "a folder where a file of the dataset is expected" : "not a regular file (a FIFO, socket or device); not opened");
  }

  /** A name the platform could not decode (U+FFFD in place of its bytes) cannot be opened again. */
  private static boolean badName(Path p, ProblemSink problems) throws InputException {
    Path name = p.getFileName();
    if (name == null || name.toString().indexOf('\uFFFD') < 0) return false;
    problems.report(Issue.at(Severity.ERROR, FILE_NAME_ENCODING, p.toString(), -1, null, null,
        "the file name is not valid UTF-8 (shown with U+FFFD); rename it to read it"));
    return true;
  }

  private static String target(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException | UnsupportedOperationException e) {
      return "?";
    }
  }
}
