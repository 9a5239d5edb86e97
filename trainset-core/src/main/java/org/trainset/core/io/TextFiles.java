package org.trainset.core.io;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * UTF-8 text files read strictly, where bytes that are not UTF-8 are an {@link InputException}
 * naming the file (and the line, when the whole file is read) instead of the JDK's bare
 * "Input length = 1".
 */
public final class TextFiles {
  private TextFiles() {}

  /** The file's lines, as {@link Files#readAllLines(Path)} gives them. */
  public static List<String> readAllLines(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
      return text.lines().toList();
    } catch (CharacterCodingException e) {
      throw notUtf8(file, lineOfFirstBadByte(file));
    }
  }

  /** A reader of the file whose decoding errors name the file and the line. */
  public static BufferedReader newReader(Path file) throws IOException {
    Reader strict = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    return new BufferedReader(new FilterReader(strict) {
      @Override public int read() throws IOException {
        try {
          return super.read();
        } catch (CharacterCodingException e) {
          throw notUtf8(file, lineOfFirstBadByte(file));
        }
      }

      @Override public int read(char[] buf, int off, int len) throws IOException {
        try {
          return super.read(buf, off, len);
        } catch (CharacterCodingException e) {
          throw notUtf8(file, lineOfFirstBadByte(file));
        }
      }
    });
  }

  static InputException notUtf8(Path file, long line) {
    return new InputException(file, line, -1, "text-encoding", "not valid UTF-8 text");
  }

  /** The line of the file's first byte that is not UTF-8 (re-read, only once decoding has failed), or -1. */
  private static long lineOfFirstBadByte(Path file) {
    var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.allocate(1 << 16);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(1 << 16);
    long line = 1;
    boolean eof = false;
    try (java.io.InputStream s = Files.newInputStream(file)) {
      while (true) {
        int n = eof ? -1 : s.read(in.array(), in.position(), in.remaining());
        if (n < 0) eof = true;
        else in.position(in.position() + n);
        in.flip();
        var result = decoder.decode(in, out, eof);
        out.flip();
        while (out.hasRemaining()) if (out.get() == '\n') line++;
        out.clear();
        if (result.isError()) return line;
        in.compact();
        if (eof && result.isUnderflow()) return -1;
      }
    } catch (IOException e) {
      return -1;
    }
  }
}
