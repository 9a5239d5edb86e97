package org.trainset.families.corpus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.trainset.core.json.JsonValues;

/** One flat JSON object per line, keys = column names in header order; empty cells omitted. */
final class JsonlRowWriter implements RowWriter {
  private final OutputStream out;
  private final List<String> header;
  private final JsonFactory factory = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  JsonlRowWriter(Path file, List<String> header) throws IOException {
    this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    this.header = List.copyOf(header);
  }

  @Override public void write(List<Object> values) throws IOException {
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.writeStartObject();
      for (int c = 0; c < values.size(); c++) {
        if (values.get(c) == null) continue;
        g.writeFieldName(header.get(c));
        JsonValues.write(g, values.get(c));
      }
      g.writeEndObject();
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
