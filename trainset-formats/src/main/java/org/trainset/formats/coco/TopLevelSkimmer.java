package org.trainset.formats.coco;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.trainset.core.io.InputException;
import org.trainset.core.io.ParseLimits;

/**
 * Finds where each top-level value of a JSON object starts, byte by byte, without tokenising
 * numbers: planning a 1 GB COCO file this way costs a fraction of a full parse. It checks
 * brackets, strings and nesting depth only; the values that matter are parsed by Jackson
 * afterwards from the recorded {@link Region}s, which reports any finer syntax error there.
 *
 * <p>A large file is skimmed in two halves at once: a second thread starts at what looks like an
 * element of the "annotations" array past the middle ({@link #elementStartAfter}) and skims to
 * the array's end, guessing that it starts there outside any string. When this skim reaches that
 * byte it checks the guess (inside "annotations", at element level, not in a string) and, if it
 * holds, takes the second thread's split points and jumps to the array's end; otherwise it goes
 * on alone and the second thread's work is dropped. Either way the result is the same as one
 * thread's, and any error is found and reported by this skim, with its true line.
 */
final class TopLevelSkimmer {
  private final Path file;
  private final ParseLimits limits;
  private final FileChannel channel;
  private final ByteBuffer bb = ByteBuffer.allocate(1 << 16);
  private final byte[] buf = bb.array();
  private int len;
  private int pos;
  private long base;
  private long line = 1;
  private long lineStart;
  /** Starts of annotation objects about every {@link #CHUNK_BYTES}, where parallel reading may split. */
  private final List<Region> chunks = new ArrayList<>();
  static final long CHUNK_BYTES = 8L << 20;
  /** Files from this size on are skimmed by two threads when the machine has a second core. */
  static final long PARALLEL_BYTES = 64L << 20;
  /** Where the second thread started (an element of "annotations", it guessed), or -1. */
  private long splitAt = -1;
  private FutureTask<Tail> tail;
  private TopLevelSkimmer tailSkimmer;
  /** Whether the second thread's skim was used. */
  private boolean halves;
  /** Set on the second thread's skimmer when its work is no longer wanted. */
  private volatile boolean cancelled;
  /** Bytes that matter outside strings; everything else (digits, commas, spaces) is skipped fast. */
  private static final boolean[] STRUCTURE = new boolean[256];
  /** Bytes that matter inside strings. */
  private static final boolean[] STRING_STOP = new boolean[256];

  static {
    for (char c : "\"[]{}\n".toCharArray()) STRUCTURE[c] = true;
    for (char c : "\"\\\n".toCharArray()) STRING_STOP[c] = true;
  }

  /**
   * What the skim found: each top-level key's value, and split points inside "annotations";
   * {@code halves} tells whether a second thread's skim of the second half was used.
   */
  record Result(Map<String, Region> regions, List<Region> annotationChunks, boolean halves) {}

  /**
   * What the second thread found from {@link #splitAt} to the end of "annotations": split points
   * (lines counted from the split, columns from it until the first line break), the offset after
   * the closing ']', and the line breaks it crossed with where its last line starts.
   */
  private record Tail(List<Region> chunks, long end, long lines, long lineStart) {}

  private TopLevelSkimmer(Path file, ParseLimits limits, FileChannel channel, long offset) throws IOException {
    this.file = file;
    this.limits = limits;
    this.channel = channel;
    channel.position(offset);
    this.base = offset;
  }

  /** Top-level key → region of its value, in file order, and split points of "annotations". */
  static Result skim(Path file, ParseLimits limits) throws IOException {
    return skim(file, limits, PARALLEL_BYTES);
  }

  /** As {@link #skim(Path, ParseLimits)}, with two threads from {@code parallelBytes} on (tests use small files). */
  static Result skim(Path file, ParseLimits limits, long parallelBytes) throws IOException {
    limits.checkFileSize(file);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      TopLevelSkimmer s = new TopLevelSkimmer(file, limits, channel, 0);
      try {
        if (channel.size() >= parallelBytes && Runtime.getRuntime().availableProcessors() > 1) {
          s.startTail(channel.size() / 2);
        }
        Map<String, Region> regions = s.run();
        return new Result(regions, List.copyOf(s.chunks), s.halves);
      } finally {
        s.stopTail();
      }
    }
  }

  /** Starts the second thread at the first likely element start from {@code from}, if there is one. */
  private void startTail(long from) throws IOException {
    long split = elementStartAfter(from);
    if (split < 0) return;
    FileChannel own = FileChannel.open(file, StandardOpenOption.READ);
    TopLevelSkimmer t;
    try {
      t = new TopLevelSkimmer(file, limits, own, split);
    } catch (IOException | RuntimeException e) {
      own.close();
      throw e;
    }
    FutureTask<Tail> task = new FutureTask<>(() -> {
      try (own) {
        return t.arrayTail();
      }
    });
    Thread thread = new Thread(task, "coco-skim");
    thread.setDaemon(true);
    thread.start();
    tail = task;
    tailSkimmer = t;
    splitAt = split;
  }

  /**
   * The offset of the '{' in the first "}, {" within a megabyte from {@code from}, or -1: in a
   * large COCO file that is, almost always, where one annotation ends and the next begins.
   */
  private long elementStartAfter(long from) throws IOException {
    ByteBuffer window = ByteBuffer.allocate(1 << 20);
    while (window.hasRemaining() && channel.read(window, from + window.position()) > 0) {
      // read the whole window (a read may return less)
    }
    byte[] w = window.array();
    int n = window.position();
    for (int i = 0; i < n; i++) {
      if (w[i] != '}') continue;
      int j = i + 1;
      while (j < n && isSpace(w[j])) j++;
      if (j == n || w[j] != ',') continue;
      j++;
      while (j < n && isSpace(w[j])) j++;
      if (j < n && w[j] == '{') return from + j;
    }
    return -1;
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }

  /** On the second thread: skims from the split, taken as an element start of "annotations", to the array's end. */
  private Tail arrayTail() {
    try {
      long start = base;
      line = 0;
      lineStart = start;
      byte[] stack = new byte[limits.maxNestingDepth() + 1];
      stack[0] = '[';
      scan(stack, 1, true, start - CHUNK_BYTES, "annotations");
      return new Tail(List.copyOf(chunks), base + pos, line, lineStart);
    } catch (IOException | RuntimeException e) {
      return null; // a wrong guess, an error or a cancel: the first thread reads on by itself
    }
  }

  /** Stops and waits for the second thread (its result no longer wanted). */
  private void stopTail() {
    if (tail == null) return;
    tailSkimmer.cancelled = true;
    joinTail();
  }

  /** The second thread's result, or null when it failed. */
  private Tail joinTail() {
    try {
      return tail.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      return null;
    } finally {
      tail = null;
      splitAt = -1;
    }
  }

  /**
   * At the split, found here to be an element start of "annotations" outside any string (which
   * is what the second thread assumed): takes its split points and moves to the array's end.
   * False when the second thread failed; this skim then goes on by itself.
   */
  private boolean adoptTail(long at) throws IOException {
    Tail t = joinTail();
    if (t == null) return false;
    long column0 = at - lineStart; // the split's column on this skim's line, less one
    for (Region r : t.chunks()) {
      chunks.add(r.line() == 0 ? new Region(r.offset(), line, r.column() + column0)
          : new Region(r.offset(), line + r.line(), r.column()));
    }
    if (t.lines() > 0) lineStart = t.lineStart();
    line += t.lines();
    halves = true;
    channel.position(t.end());
    base = t.end();
    pos = 0;
    len = 0;
    return true;
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
    stack[0] = (byte) b;
    boolean marking = key.equals("annotations") && b == '[';
    if (marking) chunks.clear();
    scan(stack, 1, marking, base + pos, key);
  }

  /**
   * Skims to the end of the container whose open brackets are {@code stack[0, depth)}, checking
   * brackets and strings; when {@code marking}, records element starts about every
   * {@link #CHUNK_BYTES} after {@code lastMark}.
   */
  private void scan(byte[] stack, int depth, boolean marking, long lastMark, String key) throws IOException {
    boolean inString = false;
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
          if (marking && depth == 1 && c == '{') {
            long at = base + p - 1;
            if (at == splitAt) {
              pos = p;
              if (adoptTail(at)) return;
            }
            if (at - lastMark >= CHUNK_BYTES) {
              lastMark = at;
              chunks.add(new Region(lastMark, line, lastMark - lineStart + 1));
            }
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
    if (cancelled) throw new CancellationException();
    base += len;
    pos = 0;
    if (tail != null && base > splitAt) stopTail(); // past the split without meeting it there
    bb.clear();
    int r;
    do {
      r = channel.read(bb);
    } while (r == 0);
    len = Math.max(0, r);
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
