package org.trainset.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.trainset.cli.Cli;
import org.trainset.testkit.TestTrees;

/**
 * What the odd-entry tests share: how a dataset entry is made odd (a dangling symlink, a FIFO) and
 * what the CLI must then answer. Every check runs under a time limit, because a reader that opens a
 * FIFO blocks instead of failing.
 */
final class OddEntries {
  private static final Duration LIMIT = Duration.ofSeconds(120);

  private OddEntries() {}

  /** Replaces {@code link} by a symbolic link to a file in {@code tmp} that does not exist. */
  static void dangling(Path link, Path tmp) throws IOException {
    Files.deleteIfExists(link);
    Files.createSymbolicLink(link, tmp.resolve("deleted-" + link.getFileName()));
  }

  /** Replaces {@code p} by a FIFO. */
  static void fifo(Path p) throws Exception {
    Files.deleteIfExists(p);
    TestTrees.mkfifo(p);
  }

  /** {@code detect} still answers {@code format} first: odd entries are neither opened nor thrown on. */
  static void detects(Path data, String format) {
    assertTimeoutPreemptively(LIMIT, () -> {
      Cli.Result r = Cli.run("detect", data.toString());
      assertEquals(0, r.exitCode(), r.toString());
      assertEquals(format, r.out().strip().lines().findFirst().orElse(""), r.out());
    });
  }

  /**
   * Each of {@code verbs} ({@code stats} when none; {@code convert} converts to the native format
   * into {@code out}) on {@code data} read as {@code format} is exit 3 with one line naming
   * {@code named} (a path relative to {@code data}) and, when given, {@code rule}, free of library
   * detail ({@link MalformedInputFuzzTest#contractBroken}); and a failed conversion leaves no output.
   */
  static void inputError(Path data, String format, String named, String rule, Path out, String... verbs) {
    String[] run = verbs.length > 0 ? verbs : new String[] {"stats"};
    assertTimeoutPreemptively(LIMIT, () -> {
      for (String verb : run) {
        String[] args = verb.equals("convert")
            ? new String[] {"convert", data.toString(), "--from", format, "--to", "trainset", "--out", out.toString()}
            : new String[] {verb, data.toString(), "--format", format};
        Cli.Result r = Cli.run(args);
        assertEquals(3, r.exitCode(), verb + ": " + r);
        assertTrue(r.err().contains(named), verb + ": " + r.err());
        if (rule != null) assertTrue(r.err().contains(rule), verb + ": " + r.err());
        assertFalse(r.err().contains("Input length"), verb + ": " + r.err());
        assertNull(MalformedInputFuzzTest.contractBroken(r, data.resolve(named), data), verb + ": " + r.err());
      }
    });
    assertFalse(Files.exists(out), "no output from a failed conversion");
  }
}
