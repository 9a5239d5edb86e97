package org.trainset.families.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trainset.core.io.InputException;

/**
 * Rows of a corpus TSV: UTF-8, first line the header, fields split on tabs, with backslash
 * escapes {@code \t \n \r \\} inside fields. Integers without leading zeros read as numbers, as
 * the same values do from xlsx number cells.
 */
final class TsvRows implements RowSource {
  private final Path file;
  private final BufferedReader in;
  private List<String> header = List.of();
  private long line;

  TsvRows(Path file) throws IOException {
    this.file = file;
    this.in = org.trainset.core.io.TextFiles.newReader(file);
  }

  @Override public List<String> header() { return header; }
  @Override public String position() { return "line " + line; }
  @Override public long line() { return line; }

  @Override public List<Object> next() throws IOException {
    String text;
    while ((text = in.readLine()) != null) {
      line++;
      if (line == 1 && text.startsWith("\uFEFF")) text = text.substring(1);
      if (text.isEmpty()) continue;
      List<String> fields = split(text);
      if (header.isEmpty()) {
        header = fields.stream().map(String::strip).toList();
        continue;
      }
      if (fields.size() > header.size()) {
        throw new InputException(file, line, -1, "tsv-columns",
            fields.size() + " fields but the header has " + header.size());
      }
      List<Object> values = new ArrayList<>(fields.size());
      for (String f : fields) values.add(typed(f));
      return values;
    }
    return null;
  }

  static Object typed(String f) {
    if (f.isEmpty()) return null;
    if (f.matches("-?(0|[1-9][0-9]{0,17})")) return Long.parseLong(f);
    return f;
  }

  private List<String> split(String text) throws InputException {
    List<String> out = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\t') {
        out.add(sb.toString());
        sb.setLength(0);
      } else if (c == '\\') {
        if (i + 1 >= text.length()) throw new InputException(file, line, i + 1, "tsv-escape", "backslash at end of line");
        char e = text.charAt(++i);
        switch (e) {
          case 't' -> sb.append('\t');
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case '\\' -> sb.append('\\');
          default -> throw new InputException(file, line, i, "tsv-escape", "unknown escape \\" + e);
        }
      } else {
        sb.append(c);
      }
    }
    out.add(sb.toString());
    return out;
  }

  /** Escapes a field for writing. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\\' -> sb.append("\\\\");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  @Override public void close() throws IOException {
    in.close();
  }
}
