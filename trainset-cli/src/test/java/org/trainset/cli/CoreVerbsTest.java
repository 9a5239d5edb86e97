package org.trainset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and usage handling every verb shares, through the real entry point. */
class CoreVerbsTest {
  @TempDir Path tmp;

  @Test
  void noVerbIsAUsageError() {
    Cli.Result r = Cli.run();
    assertEquals(2, r.exitCode(), r.toString());
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertEquals(2, Cli.run("stats", "--no-such-option", ".").exitCode());
  }

  @Test
  void everyVerbHasHelp() {
    for (String verb : new String[] {"detect", "stats", "convert", "validate", "formats", "sample"}) {
      Cli.Result r = Cli.run(verb, "--help");
      assertEquals(0, r.exitCode(), verb + ": " + r);
      assertTrue(r.out().contains("Usage: trainset " + verb), verb + ": " + r.out());
    }
  }

  /** Main builds only the named verb when the words name one: help, groups and typos must not notice. */
  @Test
  void aNamedVerbAloneBehavesAsInTheWholeTree() {
    Cli.Result leaf = Cli.run("dedup", "images", "--help");
    assertEquals(0, leaf.exitCode(), leaf.toString());
    assertTrue(leaf.out().contains("Usage: trainset dedup images"), leaf.out());
    Cli.Result group = Cli.run("dedup", "--help");
    assertEquals(0, group.exitCode(), group.toString());
    assertTrue(group.out().contains("images") && group.out().contains("text"), group.out());
    Cli.Result typo = Cli.run("dedup", "imagez", "x");
    assertEquals(2, typo.exitCode(), typo.toString());
    assertTrue(typo.err().contains("imagez"), typo.err());
    Cli.Result top = Cli.run("--help");
    assertTrue(top.out().contains("dedup") && top.out().contains("convert"), top.out());
  }

  @Test
  void missingInputIsAnInputError() {
    Cli.Result r = Cli.run("stats", tmp.resolve("nope").toString());
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains("nope"), r.err());
  }

  @Test
  void unrecognisedInputIsAnInputError() throws Exception {
    Path f = Files.writeString(tmp.resolve("notes.bin"), "\u0000\u0001 nothing");
    Cli.Result r = Cli.run("detect", f.toString());
    assertEquals(3, r.exitCode(), r.toString());
  }

  @Test
  void unknownTargetFormatIsAUsageError() throws Exception {
    Cli.Result r = Cli.run("convert", tmp.toString(), "--to", "no-such-format", "--out", tmp.resolve("o").toString());
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.err().contains("no-such-format"), r.err());
  }
}
