package org.trainset.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Python snippet with Debian's {@code /usr/bin/python3} (where python3-sklearn and
 * python3-numpy live), feeding it JSON on stdin and parsing JSON from stdout. Missing Python or
 * sklearn fails the test: the comparison is the point (scripts/install-test-deps installs them).
 */
public final class PythonOracle {
  public static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature());

  private PythonOracle() {}

  public static JsonNode run(String script, Object input) throws IOException, InterruptedException {
    assertTrue(Files.isExecutable(PYTHON), "/usr/bin/python3 is required (run scripts/install-test-deps)");
    // stderr goes to a file so a chatty script cannot block on a full pipe while we read stdout
    Path errFile = Files.createTempFile("python-oracle", ".err");
    Process p = new ProcessBuilder(PYTHON.toString(), "-c", script).redirectError(errFile.toFile()).start();
    try (OutputStream in = p.getOutputStream()) {
      MAPPER.writeValue(in, input);
    }
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python timed out");
    String err = Files.readString(errFile, StandardCharsets.UTF_8);
    Files.deleteIfExists(errFile);
    assertEquals(0, p.exitValue(), "python failed (is python3-sklearn installed? scripts/install-test-deps):\n" + err);
    return MAPPER.readTree(out);
  }
}
