package org.trainset.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/** JSON parsers with {@link ParseLimits} applied and errors carrying file, line and column. */
public final class Json {
  /** Whether {@link #preloadMapper} has started its thread. */
  private static final AtomicBoolean PRELOADING = new AtomicBoolean();

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

  /**
   * Loads Jackson's data-binding classes on a background thread, once per JVM. The first
   * {@link #mapper} costs about 0.15 s of class loading on one core; a reader that first skims a
   * large file (COCO planning) calls this before the skim, so the loading is done on the idle core
   * by the time the mapper is needed. Nothing waits for it: a {@link #mapper} made meanwhile simply
   * shares the class initialisation.
   */
  public static void preloadMapper() {
    if (PRELOADING.compareAndSet(false, true)) {
      Thread t = new Thread(() -> {
        try {
          mapper(ParseLimits.DEFAULT).readTree("{\"a\":[1,2.5,\"b\",true,null,{}]}");
        } catch (IOException | RuntimeException ignored) {
          // only a warm-up: the real use reports its own errors
        }
      }, "json-preload");
      t.setDaemon(true);
      t.start();
    }
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
    if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
      // Jackson names its own constraint class; say which parse limit the input is over
      String m = String.valueOf(e.getOriginalMessage());
      if (m.startsWith("String value length") || m.startsWith("Name length")) {
        return new InputException(file, line, col, null, "max-string-length", "a string is longer than the limit of " + limitIn(m) + " characters", e);
      }
      if (m.contains("nesting depth")) {
        return new InputException(file, line, col, null, "max-nesting", "nested deeper than the limit of " + limitIn(m), e);
      }
      if (m.startsWith("Number value length") || m.startsWith("Number length")) {
        return new InputException(file, line, col, null, "max-number-length", "a number is longer than the limit of " + limitIn(m) + " digits", e);
      }
      return new InputException(file, line, col, null, "parse-limit", "over a parse limit", e);
    }
    return new InputException(file, line, col, null, "json-syntax", e.getOriginalMessage(), e);
  }

  /** An error at the parser's current position. */
  /**
   * Reads the rest of a document whose top-level value is an object, from anywhere between two of
   * its fields or at its end, and fails on anything after it: a streaming reader that stops at the
   * array it wants would otherwise accept a damaged file's trailing junk.
   */
  public static void requireEnd(JsonParser p, Path file) throws IOException {
    try {
      JsonToken t = p.currentToken() == JsonToken.END_OBJECT && p.getParsingContext().inRoot() ? JsonToken.END_OBJECT : p.nextToken();
      while (t == JsonToken.FIELD_NAME) {
        p.nextToken();
        p.skipChildren();
        t = p.nextToken();
      }
      if (t != JsonToken.END_OBJECT) throw inputError(file, p, "json-syntax", "expected the end of the JSON object");
      if (p.nextToken() != null) throw inputError(file, p, "json-trailing", "content after the JSON document");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw inputError(file, e);
    }
  }

  /** The "maximum allowed (N" figure of a Jackson constraint message. */
  private static String limitIn(String m) {
    java.util.regex.Matcher x = java.util.regex.Pattern.compile("allowed \\((\\d+)").matcher(m);
    return x.find() ? x.group(1) : "?";
  }

  public static InputException inputError(Path file, JsonParser p, String rule, String detail) {
    JsonLocation loc = p.currentTokenLocation();
    return new InputException(file, loc.getLineNr(), loc.getColumnNr(), null, rule, detail, null);
  }
}
