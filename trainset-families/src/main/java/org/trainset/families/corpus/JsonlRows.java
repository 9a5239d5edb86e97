package org.trainset.families.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.trainset.core.io.InputException;
import org.trainset.core.io.JsonLines;
import org.trainset.core.io.ParseLimits;
import org.trainset.core.json.JsonValues;

/**
 * Rows of a corpus JSON Lines file: one flat object per line whose keys are the column names
 * ({@code 원문}, {@code 번역문}, domain columns). The newer JSON releases' {@code ko} / {@code en}
 * / {@code sn} keys are accepted as 원문 / 번역문 / ID.
 */
final class JsonlRows implements RowSource {
  private final Path file;
  private final JsonLines.Reader in;
  private List<String> header = List.of();

  JsonlRows(Path file, ParseLimits limits) throws IOException {
    this.file = file;
    this.in = JsonLines.open(file, limits);
  }

  @Override public List<String> header() { return header; }
  @Override public String position() { return "line " + in.line(); }
  @Override public long line() { return in.line(); }

  @Override public List<Object> next() throws IOException {
    for (JsonNode node = in.next(); node != null; node = in.next()) {
      if (!node.isObject()) {
        throw new InputException(file, in.line(), 1, "corpus-row", "each line must be a JSON object");
      }
      List<String> keys = new ArrayList<>();
      List<Object> values = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        keys.add(alias(e.getKey()));
        values.add(e.getValue().isNull() ? null : JsonValues.toJava(e.getValue()));
      }
      if (!keys.equals(header)) header = List.copyOf(keys);
      return values;
    }
    return null;
  }

  private static String alias(String key) {
    return switch (key) {
      case "ko" -> CorpusDomain.SOURCE;
      case "en" -> CorpusDomain.TARGET;
      case "sn" -> "ID";
      default -> key;
    };
  }

  @Override public void close() throws IOException {
    in.close();
  }
}
