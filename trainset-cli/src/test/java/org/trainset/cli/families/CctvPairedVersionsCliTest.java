package org.trainset.cli.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;

/** Issue 16 item 14: CCTV indoor clips in both versions (chroma-key extract and raw original). */
class CctvPairedVersionsCliTest {
  @TempDir Path dir;

  @Test
  void aClipMissingItsRawVersionIsAFinding() throws IOException {
    Path sample = dir.resolve("sample");
    assertEquals(0, Cli.run("sample", "aihub.cctv", "--out", sample.toString(), "--items", "3").exitCode());
    Path in = dir.resolve("indoor");
    for (String version : new String[] {"chroma", "raw"}) copy(sample, in.resolve(version));
    Cli.Result paired = Cli.run("inspect", in.toString(), "--rules", "aihub.cctv", "--json", "--max-shown", "1000");
    assertFalse(paired.out().contains("cctv.paired-versions"), paired.out());
    Files.delete(in.resolve("raw/02.싸움(fight)/fight_0002.mp4"));
    Files.delete(in.resolve("raw/02.싸움(fight)/fight_0002.xml"));
    Cli.Result bad = Cli.run("inspect", in.toString(), "--rules", "aihub.cctv", "--json", "--max-shown", "1000");
    assertEquals(1, bad.exitCode(), bad.toString());
    assertTrue(bad.out().contains("cctv.paired-versions") && bad.out().contains("1 of 3 clips have no 'raw' version")
        && bad.out().contains("02.싸움(fight)/fight_0002"), bad.out());
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path dst = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(dst);
        else Files.copy(p, dst);
      }
    }
  }
}
