package org.trainset.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The encoding of an XML document, found as XML 1.0 Appendix F finds it (byte-order mark, the
 * first bytes' pattern, then the declaration), and a strict decoder for the documents that are
 * not UTF-8. The JDK parser decodes other encodings itself, and on a bad byte it prints
 * "[Fatal Error] ..." to the process's stderr before it throws (US-ASCII, UTF-16), or silently
 * puts U+FFFD in the text (EUC-KR): here the parser is given characters decoded with errors
 * reported, and a bad byte is an input error naming the file, the line and the encoding.
 */
final class XmlDecoding {
  private XmlDecoding() {}

  private static final Pattern ENCODING = Pattern.compile("^(?:\\xEF\\xBB\\xBF)?<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([^\"']*)[\"']");

  /**
   * The document's encoding when it is not UTF-8; null for UTF-8 (declared or by default), which
   * the caller checks byte by byte instead. {@code in} must support mark; it is left at its start.
   */
  static Charset nonUtf8(InputStream in, Path file) throws IOException {
    in.mark(512);
    byte[] head = in.readNBytes(512);
    in.reset();
    int b0 = head.length > 0 ? head[0] & 0xFF : -1;
    int b1 = head.length > 1 ? head[1] & 0xFF : -1;
    int b2 = head.length > 2 ? head[2] & 0xFF : -1;
    int b3 = head.length > 3 ? head[3] & 0xFF : -1;
    if (b0 == 0 && b1 == 0 && (b2 == 0xFE || b2 == 0) && (b3 == 0xFF || b3 == '<')) return charset("UTF-32BE", file);
    if ((b0 == 0xFF || b0 == '<') && (b1 == 0xFE || b1 == 0) && b2 == 0 && b3 == 0) return charset("UTF-32LE", file);
    if (b0 == 0xFE && b1 == 0xFF) return StandardCharsets.UTF_16; // the decoder reads the mark
    if (b0 == 0xFF && b1 == 0xFE) return StandardCharsets.UTF_16;
    if (b0 == 0 && b1 == '<') return StandardCharsets.UTF_16BE;
    if (b0 == '<' && b1 == 0) return StandardCharsets.UTF_16LE;
    Matcher m = ENCODING.matcher(new String(head, StandardCharsets.ISO_8859_1));
    if (!m.find()) return null;
    Charset declared = charset(m.group(1), file);
    return declared.equals(StandardCharsets.UTF_8) ? null : declared;
  }

  private static Charset charset(String name, Path file) throws InputException {
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new InputException(file, 1, -1, "xml-encoding",
          "encoding '" + InputException.oneLine(name) + "' is not one this Java runtime can decode");
    }
  }

  /** Characters of {@code in} in {@code charset}; a byte that is not valid there is an input error with its line. */
  static Reader strictReader(InputStream in, Charset charset, Path file) {
    return new StrictReader(in, charset, file);
  }

  /**
   * Decodes with errors reported where they are: the characters before a bad byte are all handed
   * out first, so the line counted when the error is thrown is the bad byte's.
   */
  private static final class StrictReader extends Reader {
    private final InputStream in;
    private final Charset charset;
    private final Path file;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 13).flip();
    private final CharBuffer chars = CharBuffer.allocate(1 << 13).flip();
    private boolean eof;
    private boolean done;
    private boolean bad;
    private long line = 1;

    StrictReader(InputStream in, Charset charset, Path file) {
      this.in = in;
      this.charset = charset;
      this.file = file;
      this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override public int read(char[] buf, int off, int len) throws IOException {
      if (len == 0) return 0;
      while (!chars.hasRemaining()) {
        if (bad) throw new InputException(file, line, -1, "text-encoding", "not valid " + charset.name() + " text");
        if (done) return -1;
        decodeMore();
      }
      int n = Math.min(len, chars.remaining());
      chars.get(buf, off, n);
      for (int i = off; i < off + n; i++) if (buf[i] == '\n') line++;
      return n;
    }

    private void decodeMore() throws IOException {
      chars.clear();
      if (!eof) {
        bytes.compact();
        int r = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (r < 0) eof = true; else bytes.position(bytes.position() + r);
        bytes.flip();
      }
      CoderResult result = decoder.decode(bytes, chars, eof);
      if (result.isError()) {
        bad = true;
      } else if (eof && result.isUnderflow()) {
        decoder.flush(chars);
        done = true;
      }
      chars.flip();
    }

    @Override public void close() throws IOException {
      in.close();
    }
  }
}
