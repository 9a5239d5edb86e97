package org.trainset.formats.coco;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trainset.core.io.InputException;
import org.trainset.core.io.ParseLimits;

/**
 * Finds where each top-level value of a JSON object starts, byte by byte, without tokenising
 * numbers: planning a 1 GB COCO file this way costs a fraction of a full parse. It checks
 * brackets, strings and nesting depth only; the values that matter are parsed by Jackson
 * afterwards from the recorded {@link Region}s, which reports any finer syntax error there.
 */
final class TopLevelSkimmer {
  private final Path file;
  private final ParseLimits limits;
  private final InputStream in;
  private final byte[] buf = new byte[1 << 16];
  private int len;
  private int pos;
  private long base;
  private long line = 1;
  private long lineStart;
  /** Starts of annotation objects about every {@link #CHUNK_BYTES}, where parallel reading may split. */
  private final List<Region> chunks = new ArrayList<>();
  static final long CHUNK_BYTES = 8L << 20;
  /** Bytes that matter outside strings; everything else (digits, commas, spaces) is skipped fast. */
  private static final boolean[] STRUCTURE = new boolean[256];
  /** Bytes that matter inside strings. */
  private static final boolean[] STRING_STOP = new boolean[256];

  static {
    for (char c : "\"[]{}\n".toCharArray()) STRUCTURE[c] = true;
    for (char c : "\"\\\n".toCharArray()) STRING_STOP[c] = true;
  }

  /** What the skim found: each top-level key's value, and split points inside "annotations". */
  record Result(Map<String, Region> regions, List<Region> annotationChunks) {}

  private TopLevelSkimmer(Path file, ParseLimits limits, InputStream in) {
    this.file = file;
    this.limits = limits;
    this.in = in;
  }

  /** Top-level key → region of its value, in file order, and split points of "annotations". */
  static Result skim(Path file, ParseLimits limits) throws IOException {
    limits.checkFileSize(file);
    try (InputStream in = Files.newInputStream(file)) {
      TopLevelSkimmer s = new TopLevelSkimmer(file, limits, in);
      Map<String, Region> regions = s.run();
      return new Result(regions, List.copyOf(s.chunks));
    }
  }

  private Map<String, Region> run() throws IOException {
    Map<String, Region> out = new LinkedHashMap<>();
    int b = skipWs();
    if (b == 0xEF) { // UTF-8 byte order mark
      next();
      next();
      b = skipWs();
    }
    if (b != '{') {
      throw error(b == '[' ? "coco-not-object" : "json-syntax", b == '['
          ? "a COCO dataset is a JSON object (a top-level array is a COCO results file, not a dataset)"
          : "expected '{' but found " + describe(b));
    }
    b = skipWs();
    if (b == '}') return out;
    while (true) {
      if (b != '"') throw error("json-syntax", "expected a key but found " + describe(b));
      String key = string();
      if (skipWs() != ':') throw error("json-syntax", "expected ':' after \"" + key + "\"");
      skipWsPeek();
      out.put(key, new Region(base + pos, line, base + pos - lineStart + 1));
      value(key);
      b = skipWs();
      if (b == '}') break;
      if (b != ',') throw error("json-syntax", "expected ',' or '}' but found " + describe(b));
      b = skipWs();
    }
    if (skipWs() != -1) throw error("json-syntax", "trailing content after the top-level object");
    return out;
  }

  private void value(String key) throws IOException {
    int b = next();
    if (b == '"') {
      string();
      return;
    }
    if (b != '[' && b != '{') {
      while (true) {
        int c = peek();
        if (c == -1 || c == ',' || c == '}' || c == ']' || c <= ' ') return;
        next();
      }
    }
    byte[] stack = new byte[limits.maxNestingDepth() + 1];
    int depth = 0;
    stack[depth++] = (byte) b;
    boolean inString = false;
    boolean marking = key.equals("annotations") && b == '[';
    long lastMark = base + pos;
    if (marking) chunks.clear();
    // The hot loop: local copies of the buffer state, refilled in place; strings are skipped by
    // looking only for quotes and backslashes.
    byte[] buf = this.buf;
    int p = pos;
    int n = len;
    while (depth > 0) {
      if (p == n) {
        pos = p;
        if (!fill()) throw error("json-syntax", "unexpected end of input inside \"" + key + "\"");
        p = pos;
        n = len;
      }
      if (inString) {
        while (p < n && !STRING_STOP[buf[p] & 0xff]) p++;
      } else {
        while (p < n && !STRUCTURE[buf[p] & 0xff]) p++;
      }
      if (p == n) continue;
      byte c = buf[p++];
      if (inString) {
        if (c == '"') {
          inString = false;
        } else if (c == '\\') {
          if (p == n) {
            pos = p;
            if (!fill()) throw error("json-syntax", "unexpected end of input in a string");
            p = pos;
            n = len;
          }
          p++;
        } else if (c == '\n') {
          pos = p;
          throw error("json-syntax", "line break inside a string");
        }
        continue;
      }
      switch (c) {
        case '"' -> inString = true;
        case '[', '{' -> {
          if (depth == stack.length) {
            pos = p;
            throw error("max-nesting-depth", "nesting deeper than " + limits.maxNestingDepth());
          }
          if (marking && depth == 1 && c == '{' && base + p - 1 - lastMark >= CHUNK_BYTES) {
            lastMark = base + p - 1;
            chunks.add(new Region(lastMark, line, lastMark - lineStart + 1));
          }
          stack[depth++] = c;
        }
        case ']', '}' -> {
          byte open = stack[--depth];
          if ((open == '[') != (c == ']')) {
            pos = p;
            throw error("json-syntax", "'" + (char) c + "' closes '" + (char) open + "'");
          }
        }
        case '\n' -> {
          line++;
          lineStart = base + p;
        }
        default -> { }
      }
    }
    pos = p;
  }

  /** A key, after its opening quote. */
  private String string() throws IOException {
    ByteArrayOutputStream key = new ByteArrayOutputStream();
    while (true) {
      int c = next();
      if (c == -1) throw error("json-syntax", "unexpected end of input in a key");
      if (c == '"') {
        try {
          return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(key.toByteArray())).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
          throw error("json-syntax", "invalid UTF-8 in a key");
        }
      }
      if (c == '\\') c = next();
      if (key.size() > limits.maxStringLength()) throw error("max-string-length", "key too long");
      key.write(c);
    }
  }

  private void newline() {
    line++;
    lineStart = base + pos;
  }

  private int skipWs() throws IOException {
    while (true) {
      int c = next();
      if (c == '\n') {
        continue;
      }
      if (c != ' ' && c != '\t' && c != '\r') return c;
    }
  }

  private void skipWsPeek() throws IOException {
    while (true) {
      int c = peek();
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return;
      next();
    }
  }

  private int peek() throws IOException {
    if (pos == len && !fill()) return -1;
    return buf[pos] & 0xff;
  }

  private int next() throws IOException {
    if (pos == len && !fill()) return -1;
    int c = buf[pos++] & 0xff;
    if (c == '\n') newline();
    return c;
  }

  private boolean fill() throws IOException {
    base += len;
    pos = 0;
    len = Math.max(0, in.readNBytes(buf, 0, buf.length));
    return len > 0;
  }

  private InputException error(String rule, String detail) {
    long offset = base + pos;
    return new InputException(file, line, Math.max(1, offset - lineStart), null, rule, detail, null);
  }

  private static String describe(int b) {
    return b == -1 ? "end of input" : "'" + (char) b + "'";
  }
}
