package org.trainset.eval.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.core.io.InputException;

class CsvTableTest {
  @TempDir Path tmp;

  @Test
  void quotedFieldsBomAndLineNumbers() throws Exception {
    Path f = tmp.resolve("t.csv");
    Files.writeString(f, "\uFEFFID,Label\n\"a,1\",1\n\n\"multi\nline\",0\n\"say \"\"hi\"\"\",1\n");
    CsvTable t = CsvTable.read(f);
    assertEquals(0, t.column("id"));
    assertEquals(3, t.rows().size());
    assertEquals(List.of("a,1", "1"), t.rows().get(0).fields());
    assertEquals(2, t.rows().get(0).line());
    assertEquals("multi\nline", t.rows().get(1).fields().get(0));
    assertEquals(4, t.rows().get(1).line());
    assertEquals("say \"hi\"", t.rows().get(2).fields().get(0));
    assertEquals(6, t.rows().get(2).line());
  }

  @Test
  void unterminatedQuoteNamesItsLine() throws Exception {
    Path f = tmp.resolve("bad.csv");
    Files.writeString(f, "id,label\nx,1\n\"open,1\n");
    InputException e = assertThrows(InputException.class, () -> CsvTable.read(f));
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("csv-syntax"));
  }
}
