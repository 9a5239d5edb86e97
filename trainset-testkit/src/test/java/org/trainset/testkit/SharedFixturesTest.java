package org.trainset.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without ../shared a test run stops at once with one sentence saying what is missing, everywhere. */
class SharedFixturesTest {
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  @Test void missingSharedFailsWithTheSentence(@TempDir Path empty) {
    String before = System.getProperty("trainset.shared");
    System.setProperty("trainset.shared", empty.toString());
    try {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> SharedFixtures.external("pydicom"));
      assertTrue(e.getMessage().startsWith(SharedFixtures.MISSING), e.getMessage());
      assertTrue(e.getMessage().contains(empty.toString()), e.getMessage());
    } finally {
      if (before == null) System.clearProperty("trainset.shared");
      else System.setProperty("trainset.shared", before);
    }
    assertTrue(Files.isDirectory(SharedFixtures.root().resolve("fixtures")));
  }

  @Test void readmeAndRunTestsSayTheSame() throws Exception {
    String readme = Files.readString(REPO.resolve("README.md")).replaceAll("\\s+", " ");
    assertTrue(readme.contains(SharedFixtures.MISSING.substring(0, SharedFixtures.MISSING.indexOf(" Check it out"))),
        "README.md must say what ../shared holds, in the words of SharedFixtures.MISSING");
    assertTrue(Files.readString(REPO.resolve("run-tests")).contains(SharedFixtures.MISSING));
  }

  /** run-tests without ../shared: exit 1 before installing anything or starting Maven. */
  @Test void runTestsWithoutSharedStopsAtOnce(@TempDir Path empty) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", REPO.resolve("run-tests").toString()).redirectErrorStream(true);
    pb.environment().put("TRAINSET_SHARED", empty.resolve("shared").toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(1, p.waitFor(), out);
    assertTrue(out.startsWith("run-tests: " + SharedFixtures.MISSING), out);
    assertFalse(out.contains("Exception") || out.contains("installing") || out.contains("[INFO]"), out);
    assertEquals(1, out.strip().lines().count(), out);
  }

  /** The build prints no raw ANSI codes when nothing is a terminal (.mvn/jvm.config, .mvn/maven.config). */
  @Test void mavenPrintsNoEscapeCodes() throws Exception {
    Process p = new ProcessBuilder("mvn", "-B", "-v").directory(REPO.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    assertTrue(out.contains("Apache Maven"), out);
    assertFalse(out.contains("\u001b["), "ANSI escape codes in: " + out.replace("\u001b", "ESC"));
  }
}
