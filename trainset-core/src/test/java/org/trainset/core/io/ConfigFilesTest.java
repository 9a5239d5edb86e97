package org.trainset.core.io;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one YAML/JSON config loader applies ParseLimits to YAML as to JSON, and names the position of errors. */
class ConfigFilesTest {
  @TempDir Path tmp;

  @Test
  void readsYamlAndJsonByName() throws Exception {
    Path y = Files.writeString(tmp.resolve("p.yaml"), "pack: a\nrules: [1, 2]\n");
    Path j = Files.writeString(tmp.resolve("p.json"), "{\"pack\": \"a\"}");
    assertEquals(2, ConfigFiles.read(y, ConfigFiles.LIMITS).get("rules").size());
    assertEquals("a", ConfigFiles.read(j, ConfigFiles.LIMITS).get("pack").asText());
  }

  @Test
  void yamlNestingAndStringLimitsApply() {
    String deep = "a: ".repeat(1) + "[".repeat(300) + "]".repeat(300) + "\n";
    InputException e = assertThrows(InputException.class, () ->
        ConfigFiles.parse(Path.of("deep.yaml"), deep.getBytes(StandardCharsets.UTF_8), true, ConfigFiles.LIMITS));
    assertTrue(e.getMessage().startsWith("deep.yaml"), e.getMessage());
    ParseLimits small = ConfigFiles.LIMITS.withMaxStringLength(10);
    assertThrows(InputException.class, () ->
        ConfigFiles.parse(Path.of("long.yaml"), ("k: " + "x".repeat(100) + "\n").getBytes(StandardCharsets.UTF_8), true, small));
  }

  @Test
  void aliasBombCannotMultiply() {
    StringBuilder y = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'k'; c++) {
      y.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 10; i++) y.append(i == 0 ? "" : ", ").append('*').append(prev);
      y.append("]\n");
      prev = c;
    }
    // Aliases stay references (their anchor's name), so ten levels of ten aliases stay ten small lists.
    var tree = assertDoesNotThrow(() ->
        ConfigFiles.parse(Path.of("bomb.yaml"), y.toString().getBytes(StandardCharsets.UTF_8), true, ConfigFiles.LIMITS));
    assertTrue(tree.toString().length() < 2_000, tree.toString());
  }

  @Test
  void syntaxErrorsNameLineAndColumn() {
    InputException e = assertThrows(InputException.class, () ->
        ConfigFiles.parse(Path.of("bad.yaml"), "a: [1, 2\nb: }\n".getBytes(StandardCharsets.UTF_8), true, ConfigFiles.LIMITS));
    assertTrue(e.line() > 0, e.getMessage());
  }
}
