package org.trainset.refine.textio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Caption;
import org.trainset.core.model.TextPair;
import org.trainset.testkit.FormatContract;

class TextJsonlFormatTest extends FormatContract {
  @Override protected String formatId() { return TextJsonlFormat.ID; }
  @Override protected long expectedItems() { return 2; }
  @Override protected long expectedAnnotations() { return 2; }

  @Override protected Path sample() throws IOException {
    Path p = tempDir.resolve("pairs.jsonl");
    Files.writeString(p, "{\"id\":\"a\",\"ko\":\"안녕\",\"en\":\"Hi\"}\n"
        + "{\"id\":7,\"source\":\"Bonjour\",\"target\":\"안녕\",\"source_lang\":\"fr\",\"target_lang\":\"ko\"}\n");
    return p;
  }

  @Test void shapesAndLanguages() throws IOException {
    var items = readAll(sample());
    TextPair second = (TextPair) items.get(1).annotations().get(0);
    assertEquals("7", items.get(1).id());
    assertEquals("fr", second.sourceLanguage());
    Path mono = tempDir.resolve("mono.jsonl");
    Files.writeString(mono, "{\"id\":\"1\",\"text\":\"간판\"}\n");
    assertEquals("간판", ((Caption) readAll(mono).get(0).annotations().get(0)).text());
  }

  @Test void syntaxErrorsNameLineAndColumn() throws IOException {
    Path bad = tempDir.resolve("bad.jsonl");
    Files.writeString(bad, "{\"id\":\"1\",\"text\":\"ok\"}\n{\"id\":\"2\",\"text\":}\n");
    InputException e = assertThrows(InputException.class, () -> readAll(bad));
    assertEquals("json-syntax", e.rule());
    assertEquals(2, e.line());
    Files.writeString(bad, "{\"id\":\"1\",\"txt\":\"x\"}\n");
    assertEquals("jsonl-fields", assertThrows(InputException.class, () -> readAll(bad)).rule());
  }
}
