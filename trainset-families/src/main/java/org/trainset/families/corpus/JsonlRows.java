package org.trainset.families.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.trainset.core.io.InputException;
import org.trainset.core.io.Json;
import org.trainset.core.io.ParseLimits;
import org.trainset.core.json.JsonValues;

/**
 * Rows of a corpus JSON Lines file: one flat object per line whose keys are the column names
 * ({@code 원문}, {@code 번역문}, domain columns). The newer JSON releases' {@code ko} / {@code en}
 * / {@code sn} keys are accepted as 원문 / 번역문 / ID.
 */
final class JsonlRows implements RowSource {
  private final Path file;
  private final BufferedReader in;
  private final ObjectMapper mapper;
  private List<String> header = List.of();
  private long line;

  JsonlRows(Path file, ParseLimits limits) throws IOException {
    this.file = file;
    limits.checkFileSize(file);
    this.in = org.trainset.core.io.TextFiles.newReader(file);
    this.mapper = Json.mapper(limits);
  }

  @Override public List<String> header() { return header; }
  @Override public String position() { return "line " + line; }
  @Override public long line() { return line; }

  @Override public List<Object> next() throws IOException {
    String text;
    while ((text = in.readLine()) != null) {
      line++;
      if (text.isBlank()) continue;
      JsonNode node;
      try {
        node = mapper.readTree(text);
      } catch (JsonProcessingException e) {
        var loc = e.getLocation();
        throw new InputException(file, line, loc == null ? -1 : loc.getColumnNr(), null, "json-syntax",
            e.getOriginalMessage(), e);
      }
      if (node == null || !node.isObject()) {
        throw new InputException(file, line, 1, "corpus-row", "each line must be a JSON object");
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
