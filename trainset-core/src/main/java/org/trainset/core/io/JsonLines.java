package org.trainset.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Small JSON Lines files (review records, ratings, gold answers, MQM segments) read one object
 * per line: blank lines are skipped, a line that is not JSON is an input error at file:line:column,
 * and the handler gets the line number so its own checks can name it too.
 */
public final class JsonLines {
  private JsonLines() {}

  /** Handles one parsed line. */
  @FunctionalInterface
  public interface LineHandler {
    void accept(long line, JsonNode node) throws IOException;
  }

  public static void forEach(Path file, ParseLimits limits, LineHandler handler) throws IOException {
    limits.checkFileSize(file);
    ObjectMapper mapper = Json.mapper(limits);
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      long line = 0;
      for (String s = in.readLine(); s != null; s = in.readLine()) {
        line++;
        if (s.isBlank()) continue;
        JsonNode node;
        try {
          node = mapper.readTree(s);
        } catch (JsonProcessingException e) {
          throw new InputException(file, line, e.getLocation() == null ? -1 : e.getLocation().getColumnNr(),
              null, "json-syntax", e.getOriginalMessage(), e);
        }
        handler.accept(line, node);
      }
    }
  }
}
