package org.trainset.server.sandbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up probe: isolation works on this host; a missing tool makes scripts unavailable, naming it. */
class IsolationProbeTest {
  @Test void theProbeJobRunsIsolatedHere(@TempDir Path dir) {
    Isolation.Status s = Isolation.probe(dir, 200_123);
    assertTrue(s.available(), s.reason());
  }

  @Test void aMissingToolMakesScriptsUnavailableWithTheReason(@TempDir Path dir) {
    Isolation.Status s = Isolation.probe(dir, 200_123, List.of(dir.resolve("no-bwrap"), Isolation.SETPRIV, Isolation.PRLIMIT));
    assertFalse(s.available());
    assertTrue(s.reason().contains("no-bwrap is missing"), s.reason());
  }
}
