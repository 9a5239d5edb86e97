package org.trainset.families.sidewalk;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.trainset.core.io.InputException;

/**
 * A folder's environment CSV: a header whose first column is the image file name, then one row
 * per image (day/night, rain, capture time, ...). Every other column becomes an item attribute
 * under its header name; empty cells are left out (capture time is filled for some images only).
 */
final class EnvironmentCsv {
  private EnvironmentCsv() {}

  static Map<String, Map<String, Object>> read(Path file) throws IOException {
    Map<String, Map<String, Object>> rows = new HashMap<>();
    try (BufferedReader r = org.trainset.core.io.TextFiles.newReader(file)) {
      String headerLine = r.readLine();
      if (headerLine == null) return rows;
      if (headerLine.startsWith("\uFEFF")) headerLine = headerLine.substring(1);
      String[] header = headerLine.split(",", -1);
      String line;
      long n = 1;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) continue;
        if (line.indexOf('"') >= 0) {
          throw new InputException(file, n, line.indexOf('"') + 1, "sidewalk-csv", "quoted cells are not expected here");
        }
        String[] cells = line.split(",", -1);
        if (cells.length != header.length) {
          throw new InputException(file, n, 1, "sidewalk-csv",
              "row has " + cells.length + " cells, the header has " + header.length);
        }
        Map<String, Object> attrs = new LinkedHashMap<>();
        for (int i = 1; i < cells.length; i++) {
          String v = cells[i].trim();
          if (!v.isEmpty()) attrs.put(header[i].trim(), v);
        }
        if (rows.put(cells[0].trim(), attrs) != null) {
          throw new InputException(file, n, 1, "sidewalk-csv", "image " + cells[0].trim() + " is listed twice");
        }
      }
    }
    return rows;
  }
}
