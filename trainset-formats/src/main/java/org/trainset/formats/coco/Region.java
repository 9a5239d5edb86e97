package org.trainset.formats.coco;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.trainset.core.io.InputException;
import org.trainset.core.io.Json;
import org.trainset.core.io.ParseLimits;

/**
 * Where a top-level array ({@code "images"}, {@code "annotations"}) starts in a COCO file: its
 * byte offset and text position. The planning scan records regions once, so reading seeks straight
 * to each array instead of tokenising the rest of the file again; positions in errors are
 * translated back to the whole file's line and column.
 */
record Region(long offset, long line, long column) implements Serializable {
  static Region at(JsonParser p) {
    JsonLocation loc = p.currentTokenLocation();
    return new Region(loc.getByteOffset(), loc.getLineNr(), loc.getColumnNr());
  }

  /** A parser positioned on the region's opening {@code [}; closing it closes the file. */
  Opened open(Path file, ParseLimits limits) throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
    try {
      ch.position(offset);
      InputStream in = new BufferedInputStream(Channels.newInputStream(ch), 1 << 16);
      JsonParser p = Json.factory(limits).createParser(in);
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw error(file, p.currentTokenLocation(), "coco-structure", "expected an array here");
      }
      return new Opened(p, in);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  long lineOf(JsonLocation loc) {
    return line + loc.getLineNr() - 1;
  }

  long columnOf(JsonLocation loc) {
    return loc.getLineNr() == 1 ? column + loc.getColumnNr() - 1 : loc.getColumnNr();
  }

  InputException error(Path file, JsonLocation loc, String rule, String detail) {
    return new InputException(file, lineOf(loc), columnOf(loc), null, rule, detail, null);
  }

  /** A Jackson syntax error inside the region, with whole-file positions. */
  InputException syntaxError(Path file, JsonProcessingException e) {
    JsonLocation loc = e.getLocation();
    if (loc == null) return Json.inputError(file, e);
    return new InputException(file, lineOf(loc), columnOf(loc), null, "json-syntax", e.getOriginalMessage(), e);
  }

  /** A parser and the stream under it. */
  record Opened(JsonParser parser, InputStream in) implements AutoCloseable {
    @Override public void close() throws IOException {
      parser.close();
      in.close();
    }
  }
}
