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
