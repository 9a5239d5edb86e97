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
      throw notUtf8(file, lineOfFirstBadByte(bytes));
    }
  }

  /** A reader of the file whose decoding errors name the file. */
  public static BufferedReader newReader(Path file) throws IOException {
    Reader strict = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    return new BufferedReader(new FilterReader(strict) {
      @Override public int read() throws IOException {
        try {
          return super.read();
        } catch (CharacterCodingException e) {
          throw notUtf8(file, -1);
        }
      }

      @Override public int read(char[] buf, int off, int len) throws IOException {
        try {
          return super.read(buf, off, len);
        } catch (CharacterCodingException e) {
          throw notUtf8(file, -1);
        }
      }
    });
  }

  private static InputException notUtf8(Path file, long line) {
    return new InputException(file, line, -1, "text-encoding", "not valid UTF-8 text");
  }

  private static long lineOfFirstBadByte(byte[] b) {
    var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(4096);
    long line = 1;
    while (true) {
      var result = decoder.decode(in, out, true);
      out.flip();
      while (out.hasRemaining()) if (out.get() == '\n') line++;
      out.clear();
      if (result.isError()) return line;
      if (result.isUnderflow()) return -1;
    }
  }
}
