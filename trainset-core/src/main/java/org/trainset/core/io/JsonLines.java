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
    try (Reader in = open(file, limits)) {
      for (JsonNode node = in.next(); node != null; node = in.next()) handler.accept(in.line(), node);
    }
  }

  /** A pull reader over the file's JSON lines (for item cursors), after checking its size. */
  public static Reader open(Path file, ParseLimits limits) throws IOException {
    limits.checkFileSize(file);
    return new Reader(file, TextFiles.newReader(file), Json.mapper(limits));
  }

  /** Reads one JSON value per non-blank line. */
  public static final class Reader implements AutoCloseable {
    private final Path file;
    private final BufferedReader in;
    private final ObjectMapper mapper;
    private long line;
    private long chars;

    private Reader(Path file, BufferedReader in, ObjectMapper mapper) {
      this.file = file;
      this.in = in;
      this.mapper = mapper;
    }

    /** The next line's value, or null at the end; a line that is not JSON is an input error there. */
    public JsonNode next() throws IOException {
      for (String s = in.readLine(); s != null; s = in.readLine()) {
        line++;
        chars += s.length() + 1;
        if (s.isBlank()) continue;
        try {
          return mapper.readTree(s);
        } catch (JsonProcessingException e) {
          throw new InputException(file, line, e.getLocation() == null ? -1 : e.getLocation().getColumnNr(),
              null, "json-syntax", e.getOriginalMessage(), e);
        }
      }
      return null;
    }

    /** The 1-based line of the value last returned. */
    public long line() {
      return line;
    }

    /** Characters read so far (line ends counted as one), for progress. */
    public long charsRead() {
      return chars;
    }

    @Override public void close() throws IOException {
      in.close();
    }
  }
}
