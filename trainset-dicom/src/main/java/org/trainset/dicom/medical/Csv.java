package org.trainset.dicom.medical;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trainset.core.io.InputException;

/** The family's small metadata CSVs: a header row, RFC 4180 quoting, UTF-8 (BOM tolerated). */
final class Csv {
  private Csv() {}

  /** Rows as header → value maps; line numbers are 1-based file lines. */
  record Row(long line, Map<String, String> values) {
    String get(String col) {
      return values.getOrDefault(col, "");
    }
  }

  static List<Row> read(Path file, List<String> required) throws IOException {
    List<String> lines = org.trainset.core.io.TextFiles.readAllLines(file);
    if (lines.isEmpty()) throw new InputException(file, 1, 1, "medical.csv", "empty file; expected a header");
    List<String> head = split(lines.get(0).replace("\uFEFF", ""));
    for (String r : required) {
      if (!head.contains(r)) throw new InputException(file, 1, 1, "medical.csv", "header lacks column '" + r + "': " + head);
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) continue;
      List<String> f = split(lines.get(i));
      if (f.size() != head.size()) {
        throw new InputException(file, i + 1, 1, "medical.csv", "expected " + head.size() + " fields, found " + f.size());
      }
      Map<String, String> m = new LinkedHashMap<>();
      for (int c = 0; c < head.size(); c++) m.put(head.get(c), f.get(c));
      rows.add(new Row(i + 1, m));
    }
    return rows;
  }

  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  static String line(List<String> fields) {
    List<String> q = new ArrayList<>();
    for (String f : fields) {
      q.add(f.contains(",") || f.contains("\"") || f.contains("\n") ? "\"" + f.replace("\"", "\"\"") + "\"" : f);
    }
    return String.join(",", q);
  }
}
