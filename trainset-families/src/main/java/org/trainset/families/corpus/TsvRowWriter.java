package org.trainset.families.corpus;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** UTF-8 TSV with a header line; tabs, newlines and backslashes in fields are escaped. */
final class TsvRowWriter implements RowWriter {
  private final BufferedWriter out;

  TsvRowWriter(Path file, List<String> header) throws IOException {
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    write(List.copyOf(header));
  }

  @Override public void write(List<Object> values) throws IOException {
    for (int c = 0; c < values.size(); c++) {
      if (c > 0) out.write('\t');
      Object v = values.get(c);
      if (v != null) out.write(TsvRows.escape(v.toString()));
    }
    out.write('\n');
  }

  @Override public void finish() throws IOException {
    out.close();
  }

  @Override public void close() throws IOException {
    out.close();
  }
}
