package org.trainset.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** JSON parsers with {@link ParseLimits} applied and errors carrying file, line and column. */
public final class Json {
  private Json() {}

  /** A factory whose parsers enforce {@code limits}. */
  public static JsonFactory factory(ParseLimits limits) {
    return JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxNestingDepth())
            .maxStringLength(limits.maxStringLength())
            .maxNumberLength(limits.maxNumberLength())
            .build())
        .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .build();
  }

  /** A mapper (for small documents and sub-trees) over the same limited factory. */
  public static ObjectMapper mapper(ParseLimits limits) {
    return new ObjectMapper(factory(limits));
  }

  /** Opens {@code file} for pull parsing after checking its size. */
  public static JsonParser open(Path file, ParseLimits limits) throws IOException {
    limits.checkFileSize(file);
    InputStream in = Files.newInputStream(file);
    try {
      return factory(limits).createParser(in);
    } catch (IOException e) {
      in.close();
      throw e;
    }
  }

  /** Turns a Jackson failure into an {@link InputException} naming the file and position. */
  public static InputException inputError(Path file, JsonProcessingException e) {
    JsonLocation loc = e.getLocation();
    long line = loc == null ? -1 : loc.getLineNr();
    long col = loc == null ? -1 : loc.getColumnNr();
    return new InputException(file, line, col, null, "json-syntax", e.getOriginalMessage(), e);
  }

  /** An error at the parser's current position. */
  public static InputException inputError(Path file, JsonParser p, String rule, String detail) {
    JsonLocation loc = p.currentTokenLocation();
    return new InputException(file, loc.getLineNr(), loc.getColumnNr(), null, rule, detail, null);
  }
}
