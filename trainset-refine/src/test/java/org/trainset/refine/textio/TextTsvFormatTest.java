package org.trainset.refine.textio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.trainset.core.io.InputException;
import org.trainset.core.model.TextPair;
import org.trainset.testkit.FormatContract;

class TextTsvFormatTest extends FormatContract {
  @Override protected String formatId() { return TextTsvFormat.ID; }
  @Override protected long expectedItems() { return 3; }
  @Override protected long expectedAnnotations() { return 3; }

  @Override protected Path sample() throws IOException {
    Path p = tempDir.resolve("pairs.tsv");
    Files.writeString(p, "id\tsource\ttarget\tnote\n"
        + "1\t안녕하세요\tHello\tx\n"
        + "2\t탭\\t과 줄\\n바꿈 \\\\\tTab and\\nnewline\ty\n"
        + "\n"
        + "3\t빈 번역\t\tz\n");
    return p;
  }

  @Test void escapesAndLanguagesAreRead() throws IOException {
    var items = readAll(sample());
    TextPair p = (TextPair) items.get(1).annotations().get(0);
    assertEquals("탭\t과 줄\n바꿈 \\", p.source());
    assertEquals("Tab and\nnewline", p.target());
    assertEquals("ko", p.sourceLanguage());
    assertEquals("", ((TextPair) items.get(2).annotations().get(0)).target());
  }

  @Test void badHeaderAndShortRowsNameFileAndLine() throws IOException {
    Path bad = tempDir.resolve("bad.tsv");
    Files.writeString(bad, "identifier\tsentence\n1\tx\n");
    InputException e = assertThrows(InputException.class, () -> readAll(bad));
    assertEquals("tsv-header", e.rule());
    assertEquals(1, e.line());
    Files.writeString(bad, "id\ttext\n1\tok\n2\n");
    e = assertThrows(InputException.class, () -> readAll(bad));
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("missing column 'text'"), e.getMessage());
  }
}
