package org.trainset.formats.coco;

import org.trainset.core.io.FastNumbers;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.trainset.core.io.InputException;
import org.trainset.core.io.ParseLimits;

/**
 * A JSON byte reader for the hot path of COCO reading: numbers are parsed straight from the bytes
 * (see {@link FastNumbers}) and nothing is allocated per token. It knows its line and column for
 * errors. Values it has no fast path for are captured as bytes ({@link #capture}) and handed to
 * Jackson by the caller.
 */
final class ByteJsonInput implements AutoCloseable {
  private final Path file;
  private final ParseLimits limits;
  private final FileChannel channel;
  private final ByteBuffer bb = ByteBuffer.allocate(1 << 18);
  private final byte[] buf = bb.array();
  private int pos;
  private int len;
  private long base;
  private long line;
  private long lineStart;
  private byte[] scratch = new byte[256];
  private int scratchLen;
  /** Non-ASCII strings are decoded strictly (a new decoder reports, never replaces). */
  private final java.nio.charset.CharsetDecoder strictUtf8 = StandardCharsets.UTF_8.newDecoder();

  ByteJsonInput(Path file, ParseLimits limits, Region region) throws IOException {
    this.file = file;
    this.limits = limits;
    this.channel = FileChannel.open(file, StandardOpenOption.READ);
    channel.position(region.offset());
    this.base = region.offset();
    this.line = region.line();
    this.lineStart = region.offset() - region.column() + 1;
  }

  /** Absolute offset of the next byte. */
  long offset() {
    return base + pos;
  }

  long line() {
    return line;
  }

  private boolean fill() throws IOException {
    base += len;
    pos = 0;
    bb.clear();
    int n;
    do {
      n = channel.read(bb);
    } while (n == 0);
    len = Math.max(0, n);
    return n > 0;
  }

  /** The next byte, or -1 at the end. */
  int next() throws IOException {
    if (pos == len && !fill()) return -1;
    int c = buf[pos++] & 0xff;
    if (c == '\n') {
      line++;
      lineStart = base + pos;
    }
    return c;
  }

  int peek() throws IOException {
    if (pos == len && !fill()) return -1;
    return buf[pos] & 0xff;
  }

  /** The next byte that is not whitespace (consumed). */
  int nextNonWs() throws IOException {
    int c;
    do {
      c = next();
    } while (c == ' ' || c == '\n' || c == '\r' || c == '\t');
    return c;
  }

  int peekNonWs() throws IOException {
    while (true) {
      int c = peek();
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return c;
      next();
    }
  }

  void expect(int wanted, String where) throws IOException {
    int c = nextNonWs();
    if (c != wanted) throw unexpected(c, "'" + (char) wanted + "' " + where);
  }

  /** The bytes of a literal (number, true, false, null) starting at the next byte, into the scratch. */
  private void literal() throws IOException {
    scratchLen = 0;
    while (true) {
      int c = peek();
      if (c == -1 || c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t') break;
      if (scratchLen == scratch.length) {
        if (scratchLen >= limits.maxNumberLength()) throw error("max-number-length", "literal longer than " + limits.maxNumberLength());
        scratch = Arrays.copyOf(scratch, scratchLen * 2);
      }
      scratch[scratchLen++] = (byte) c;
      pos++;
    }
    if (scratchLen == 0) throw unexpected(peek(), "a value");
  }

  private static boolean isDelimiter(byte c) {
    return DELIMITER[c & 0xff];
  }

  /** What may follow a scalar: ',' ']' '}' or white space (a table: one load per number, not seven compares). */
  private static final boolean[] DELIMITER = new boolean[256];

  static {
    for (char c : ",]} \n\r\t".toCharArray()) DELIMITER[c] = true;
  }

  /** The fast path needs the longest number it takes plus its delimiter in the buffer. */
  private static final int FAST_WINDOW = 24;

  /**
   * A number (the next non-whitespace token); non-standard tokens such as NaN are errors.
   * Polygon coordinates are most of a COCO file's bytes, so the common short decimal
   * ({@code -123.45}: at most 18 digits, no exponent) is parsed in one pass over the buffer:
   * its digits as a long below 2^53 and its scale below 23 are both exact doubles, so one
   * division ({@link FastNumbers#scaled}) is correctly rounded, the double {@link Double#parseDouble}
   * gives (Clinger's fast path). Anything else goes the general way through {@link FastNumbers}.
   */
  double number() throws IOException {
    int first = peekNonWs();
    if ((first == '-' || (first >= '0' && first <= '9')) && (len - pos > FAST_WINDOW || ensure(FAST_WINDOW + 1))) {
      byte[] b = buf;
      int i = pos;
      int lim = pos + FAST_WINDOW; // < len: every byte looked at is real input
      boolean negative = first == '-';
      if (negative) i++;
      int intStart = i;
      long m = 0;
      int d;
      while (i < lim && (d = b[i] - '0') >= 0 && d <= 9) {
        m = m * 10 + d;
        i++;
      }
      int intDigits = i - intStart;
      int scale = 0;
      if (i < lim && b[i] == '.') {
        int f = ++i;
        while (i < lim && (d = b[i] - '0') >= 0 && d <= 9) {
          m = m * 10 + d;
          i++;
        }
        scale = i - f;
        if (scale == 0) scale = -1; // "1." is not JSON: the general path reports it
      }
      if (i < lim && intDigits > 0 && intDigits + scale <= 18 && scale >= 0 && m < (1L << 53)
          && (b[intStart] != '0' || intDigits == 1) && isDelimiter(b[i])) {
        pos = i;
        return FastNumbers.scaled(m, scale, negative);
      }
    }
    int end = pos;
    while (end < len && !isDelimiter(buf[end])) end++;
    if (end < len && end > pos) { // the whole literal is in the buffer: parse it in place
      double v = FastNumbers.parseJson(buf, pos, end);
      if (!Double.isNaN(v)) {
        pos = end;
        return v;
      }
    }
    literal();
    double v = FastNumbers.parseJson(scratch, scratchLen);
    if (Double.isNaN(v)) throw error("json-syntax", "'" + new String(scratch, 0, scratchLen, StandardCharsets.ISO_8859_1) + "' is not a JSON number");
    return v;
  }

  /** What {@link #plainInteger()} returns when the next value is not a plain integer. */
  static final long NOT_PLAIN = Long.MIN_VALUE;

  /**
   * The next value if it is a plain JSON integer ({@code -?[1-9][0-9]*} or {@code 0}, at most 18
   * digits, then a delimiter), consumed; otherwise {@link #NOT_PLAIN} with nothing consumed. Ids
   * are read this way without making a String for each.
   */
  long plainInteger() throws IOException {
    int first = peekNonWs();
    if (first != '-' && (first < '0' || first > '9')) return NOT_PLAIN;
    if (len - pos <= FAST_WINDOW && !ensure(FAST_WINDOW + 1)) return NOT_PLAIN;
    int i = pos;
    boolean negative = first == '-';
    if (negative) i++;
    int start = i;
    long m = 0;
    int d;
    while (i - start < 19 && (d = buf[i] - '0') >= 0 && d <= 9) {
      m = m * 10 + d;
      i++;
    }
    int digits = i - start;
    if (digits == 0 || digits > 18 || (buf[start] == '0' && (digits > 1 || negative)) || !isDelimiter(buf[i])) {
      return NOT_PLAIN; // -0 too, so that Long.toString gives back the literal's text
    }
    pos = i;
    return negative ? -m : m;
  }

  /** A scalar literal as text ("12", "true", "null"); checked to be a JSON number or keyword. */
  String literalText() throws IOException {
    peekNonWs();
    literal();
    String s = new String(scratch, 0, scratchLen, StandardCharsets.ISO_8859_1);
    if (!s.equals("true") && !s.equals("false") && !s.equals("null") && Double.isNaN(FastNumbers.parseJson(scratch, scratchLen))) {
      throw error("json-syntax", "'" + s + "' is not a JSON value");
    }
    return s;
  }

  /** Makes at least {@code n} bytes available from {@code pos} unless the input ends first. */
  private boolean ensure(int n) throws IOException {
    if (len - pos >= n) return true;
    System.arraycopy(buf, pos, buf, 0, len - pos);
    base += pos;
    len -= pos;
    pos = 0;
    bb.clear();
    bb.position(len);
    int r;
    while (len < n && (r = channel.read(bb)) >= 0) len += r;
    return len >= n;
  }

  /**
   * After a key's opening quote: the index of the key among {@code keys} (ASCII, no escapes),
   * consuming it with its closing quote, or -1 with nothing consumed (read it with {@link #string()}).
   * Saves building a String for every key of every annotation.
   */
  int keyIndex(byte[][] keys) throws IOException {
    ensure(32);
    outer:
    for (int k = 0; k < keys.length; k++) {
      byte[] key = keys[k];
      if (len - pos < key.length + 1 || buf[pos + key.length] != '"') continue;
      for (int i = 0; i < key.length; i++) if (buf[pos + i] != key[i]) continue outer;
      pos += key.length + 1;
      return k;
    }
    return -1;
  }

  /** A string after its opening quote has been consumed. */
  String string() throws IOException {
    scratchLen = 0;
    boolean ascii = true;
    while (true) {
      int c = next();
      if (c == -1) throw error("json-syntax", "unexpected end of input in a string");
      if (c == '"') break;
      if (c == '\\') {
        int e = next();
        c = switch (e) {
          case '"', '\\', '/' -> e;
          case 'b' -> '\b';
          case 'f' -> '\f';
          case 'n' -> '\n';
          case 'r' -> '\r';
          case 't' -> '\t';
          case 'u' -> -2;
          default -> throw error("json-syntax", "bad escape \\" + (char) e);
        };
        if (c == -2) {
          int cp = Integer.parseInt(hex4(), 16);
          byte[] utf8 = String.valueOf((char) cp).getBytes(StandardCharsets.UTF_8);
          if (Character.isSurrogate((char) cp)) utf8 = surrogate((char) cp);
          for (byte b : utf8) put(b);
          ascii = false;
          continue;
        }
      } else if (c < 0x20) {
        throw error("json-syntax", "control character in a string");
      }
      if (c >= 0x80) ascii = false;
      put((byte) c);
    }
    if (ascii) return new String(scratch, 0, scratchLen, StandardCharsets.ISO_8859_1);
    try { // strictly, as Jackson reads the rest of the file: not a silent U+FFFD
      return strictUtf8.decode(ByteBuffer.wrap(scratch, 0, scratchLen)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw error("text-encoding", "not valid UTF-8 text in a string");
    }
  }


  private byte[] surrogate(char high) throws IOException {
    if (next() != '\\' || next() != 'u') throw error("json-syntax", "lone surrogate in a string");
    char low = (char) Integer.parseInt(hex4(), 16);
    return new String(new char[] {high, low}).getBytes(StandardCharsets.UTF_8);
  }

  private String hex4() throws IOException {
    char[] h = new char[4];
    for (int i = 0; i < 4; i++) {
      int c = next();
      if (Character.digit(c, 16) < 0) throw error("json-syntax", "bad \\u escape");
      h[i] = (char) c;
    }
    return new String(h);
  }

  private void put(byte b) throws InputException {
    if (scratchLen == scratch.length) {
      if (scratchLen >= limits.maxStringLength()) throw error("max-string-length", "string longer than " + limits.maxStringLength());
      scratch = Arrays.copyOf(scratch, Math.min(scratchLen * 2, limits.maxStringLength() + 1));
    }
    scratch[scratchLen++] = b;
  }

  /** The raw bytes of the next value (any JSON), for parsing with Jackson; its line is {@link #line()} before. */
  byte[] capture() throws IOException {
    int first = peekNonWs();
    if (first != '[' && first != '{' && first != '"') {
      literalText();
      return Arrays.copyOf(scratch, scratchLen);
    }
    // copied run by run from the buffer (a crowd region's RLE is thousands of bytes): only
    // quotes, backslashes, brackets and line breaks are looked at one by one
    byte[] out = new byte[256];
    int size = 0;
    byte[] stack = new byte[limits.maxNestingDepth() + 1];
    int depth = 0;
    boolean inString = false;
    do {
      if (pos == len && !fill()) throw error("json-syntax", "unexpected end of input");
      int from = pos;
      while (pos < len && !CAPTURE_STOP[buf[pos] & 0xff]) pos++;
      if (pos > from) {
        if (size + (pos - from) > out.length) out = Arrays.copyOf(out, Math.max(out.length * 2, size + (pos - from)));
        System.arraycopy(buf, from, out, size, pos - from);
        size += pos - from;
        continue;
      }
      int c = next();
      if (size + 2 > out.length) out = Arrays.copyOf(out, out.length * 2);
      out[size++] = (byte) c;
      if (inString) {
        if (c == '\\') {
          int e = next();
          if (e == -1) throw error("json-syntax", "unexpected end of input");
          out[size++] = (byte) e;
        } else if (c == '"') {
          inString = false;
        }
        if (first == '"' && !inString) return Arrays.copyOf(out, size);
        continue;
      }
      switch (c) {
        case '"' -> inString = true;
        case '[', '{' -> {
          if (depth == stack.length) throw error("max-nesting-depth", "nesting deeper than " + limits.maxNestingDepth());
          stack[depth++] = (byte) c;
        }
        case ']', '}' -> {
          if (depth == 0 || (stack[--depth] == '[') != (c == ']')) throw error("json-syntax", "mismatched '" + (char) c + "'");
        }
        default -> { }
      }
    } while (depth > 0 || inString);
    return Arrays.copyOf(out, size);
  }

  /** Bytes {@link #capture} handles one by one: the rest is copied in runs. */
  private static final boolean[] CAPTURE_STOP = new boolean[256];

  static {
    for (char c : "\"\\[]{}\n".toCharArray()) CAPTURE_STOP[c] = true;
  }

  InputException unexpected(int c, String wanted) {
    return error("json-syntax", "expected " + wanted + " but found " + (c == -1 ? "end of input" : "'" + (char) c + "'"));
  }

  InputException error(String rule, String detail) {
    long at = base + pos;
    return new InputException(file, line, Math.max(1, at - lineStart), null, rule, detail, null);
  }

  @Override public void close() throws IOException {
    channel.close();
  }
}
