package org.trainset.eval.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trainset.core.io.InputException;

/**
 * A small RFC 4180 CSV reader (comma separated, double-quoted fields, a header row) that keeps
 * each record's line number so errors can name {@code file:line}. A UTF-8 BOM is skipped; blank
 * lines are ignored.
 */
public final class CsvTable {
  /** One data row: its fields and the line it started on. */
  public record Row(List<String> fields, long line) {}

  private final Path file;
  private final List<String> header;
  private final List<Row> rows;

  private CsvTable(Path file, List<String> header, List<Row> rows) {
    this.file = file;
    this.header = header;
    this.rows = rows;
  }

  public static CsvTable read(Path file) throws IOException {
    List<Row> rows = new ArrayList<>();
    List<String> header = null;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      long lineNo = 0;
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        long start = lineNo;
        if (lineNo == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
        if (line.isBlank()) continue;
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (true) {
          if (i >= line.length()) {
            if (!quoted) break;
            String next = in.readLine(); // a quoted field spanning lines
            if (next == null) throw new InputException(file, start, -1, "csv-syntax", "unterminated quoted field");
            lineNo++;
            cur.append('\n');
            line = next;
            i = 0;
            continue;
          }
          char c = line.charAt(i++);
          if (quoted) {
            if (c == '"') {
              if (i < line.length() && line.charAt(i) == '"') {
                cur.append('"');
                i++;
              } else {
                quoted = false;
              }
            } else {
              cur.append(c);
            }
          } else if (c == '"' && cur.length() == 0) {
            quoted = true;
          } else if (c == ',') {
            fields.add(cur.toString());
            cur.setLength(0);
          } else {
            cur.append(c);
          }
        }
        fields.add(cur.toString());
        if (header == null) header = fields.stream().map(String::strip).toList();
        else rows.add(new Row(fields, start));
      }
    }
    if (header == null) throw new InputException(file, "csv-empty", "no header row (expected e.g. id,label)");
    return new CsvTable(file, header, rows);
  }

  public Path file() {
    return file;
  }

  public List<Row> rows() {
    return rows;
  }

  /** Index of the first column named one of {@code names} (case-insensitive), or -1. */
  public int column(String... names) {
    for (String n : names) {
      for (int i = 0; i < header.size(); i++) if (header.get(i).equalsIgnoreCase(n)) return i;
    }
    return -1;
  }

  /** Like {@link #column} but required. */
  public int requireColumn(String... names) throws InputException {
    int c = column(names);
    if (c < 0) {
      throw new InputException(file, 1, -1, "csv-header",
          "no column " + String.join(" / ", names) + " in header " + String.join(",", header));
    }
    return c;
  }

  /** The field at {@code col} of {@code row}, stripped; a missing trailing field is an error. */
  public String field(Row row, int col, String what) throws InputException {
    if (col >= row.fields().size()) {
      throw new InputException(file, row.line(), -1, "csv-missing-field", "row has no " + what + " (column " + (col + 1) + ")");
    }
    return row.fields().get(col).strip();
  }
}
