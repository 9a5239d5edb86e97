package org.trainset.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {
  @TempDir Path tmp;

  @Test
  void failedRunLeavesEarlierOutputIntact() throws IOException {
    Path target = tmp.resolve("out");
    Files.createDirectories(target);
    Files.writeString(target.resolve("old.txt"), "earlier");
    assertThrows(IllegalStateException.class, () -> {
      try (AtomicOutput out = AtomicOutput.directory(target)) {
        Files.writeString(out.path().resolve("new.txt"), "half");
        throw new IllegalStateException("boom");
      }
    });
    assertEquals("earlier", Files.readString(target.resolve("old.txt")));
    assertFalse(Files.exists(target.resolve("new.txt")));
    try (var s = Files.list(tmp)) {
      assertEquals(1, s.count(), "staging folder left behind");
    }
  }

  @Test
  void commitReplacesWholeFolder() throws IOException {
    Path target = tmp.resolve("out");
    Files.createDirectories(target);
    Files.writeString(target.resolve("old.txt"), "earlier");
    try (AtomicOutput out = AtomicOutput.directory(target)) {
      Files.writeString(out.path().resolve("new.txt"), "done");
      out.commit();
    }
    assertTrue(Files.exists(target.resolve("new.txt")));
    assertFalse(Files.exists(target.resolve("old.txt")));
  }

  @Test
  void fileWriteIsAllOrNothing() throws IOException {
    Path f = tmp.resolve("r.json");
    AtomicOutput.writeFile(f, os -> os.write("{}".getBytes()));
    assertEquals("{}", Files.readString(f));
    assertThrows(IOException.class, () -> AtomicOutput.writeFile(f, os -> {
      os.write("{\"partial\":".getBytes());
      throw new IOException("disk full");
    }));
    assertEquals("{}", Files.readString(f));
  }

  @Test
  void pathsCannotEscape() throws IOException {
    try (AtomicOutput out = AtomicOutput.directory(tmp.resolve("o"))) {
      assertThrows(InputException.class, () -> out.resolve("../evil"));
      assertThrows(InputException.class, () -> out.resolve("/etc/passwd"));
      assertThrows(InputException.class, () -> out.resolve("a/../../evil"));
      assertTrue(out.resolve("a/b.png").startsWith(out.path()));
    }
  }

  /** A pid no process has (pid_max is at most 2^22 on Linux). */
  static final long DEAD = 99_999_999L;

  @Test
  void aKillMidSwapPutsTheEarlierOutputBack() throws IOException {
    Path target = tmp.resolve("out");
    Path backup = Files.createDirectories(tmp.resolve(".out.old-" + DEAD + "-1")); // killed after the first rename
    Files.writeString(backup.resolve("a.txt"), "earlier");
    Path half = Files.createDirectories(tmp.resolve(".out.staging-" + DEAD + "-2"));
    Path partial = Files.writeString(tmp.resolve(".out.partial-" + DEAD + "-3"), "x");
    Path live = Files.createDirectories(tmp.resolve(".out.staging-" + ProcessHandle.current().pid() + "-4"));
    Path other = Files.createDirectories(tmp.resolve(".outer.staging-" + DEAD + "-5")); // another target's
    AtomicOutput.cleanStale(target);
    assertEquals("earlier", Files.readString(target.resolve("a.txt")));
    assertFalse(Files.exists(backup) || Files.exists(half) || Files.exists(partial));
    assertTrue(Files.exists(live) && Files.exists(other));
  }

  @Test
  void publishedOutputHasTheModesOfANewFile() throws IOException {
    var fileMode = Files.getPosixFilePermissions(Files.createFile(tmp.resolve("probe")));
    var dirMode = Files.getPosixFilePermissions(Files.createDirectory(tmp.resolve("probe-dir")));
    AtomicOutput.writeFile(tmp.resolve("f.txt"), os -> os.write(1));
    assertEquals(fileMode, Files.getPosixFilePermissions(tmp.resolve("f.txt")));
    try (AtomicOutput d = AtomicOutput.directory(tmp.resolve("d"))) {
      Files.writeString(d.path().resolve("x"), "x");
      d.commit();
    }
    assertEquals(dirMode, Files.getPosixFilePermissions(tmp.resolve("d")));
  }
}
