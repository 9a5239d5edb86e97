package org.trainset.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLimitsTest {
  @TempDir Path tmp;

  private static InputException parse(Path f, ParseLimits limits) {
    return assertThrows(InputException.class, () -> {
      try (JsonParser p = Json.open(f, limits)) {
        // Read every value as readers do: Jackson checks string length when a value is materialised.
        while (p.nextToken() != null) {
          p.getText();
        }
      } catch (JsonProcessingException e) {
        throw Json.inputError(f, e);
      }
    });
  }

  @Test
  void truncatedJsonNamesLineAndColumn() throws Exception {
    Path f = Files.writeString(tmp.resolve("t.json"), "{\n \"images\": [\n  {\"id\": 1,");
    InputException e = parse(f, ParseLimits.DEFAULT);
    assertEquals(3, e.line());
    assertTrue(e.getMessage().startsWith(f + ":3:"), e.getMessage());
  }

  @Test
  void nestingLimit() throws Exception {
    Path f = Files.writeString(tmp.resolve("deep.json"), "[".repeat(300) + "]".repeat(300));
    assertTrue(parse(f, ParseLimits.DEFAULT).getMessage().contains("nesting"));
  }

  @Test
  void stringLengthLimit() throws Exception {
    Path f = Files.writeString(tmp.resolve("s.json"), "{\"a\": \"" + "x".repeat(2000) + "\"}");
    assertTrue(parse(f, ParseLimits.DEFAULT.withMaxStringLength(1000)).getMessage().contains("length"));
  }

  @Test
  void fileSizeLimit() throws Exception {
    Path f = Files.writeString(tmp.resolve("big.json"), "[" + "1,".repeat(100) + "1]");
    InputException e = assertThrows(InputException.class, () -> Json.open(f, ParseLimits.DEFAULT.withMaxFileSize(10)));
    assertEquals("max-file-size", e.rule());
  }
}
