package org.trainset.formats.media;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.trainset.core.io.InputException;

/**
 * {@code metadata.csv}: one row per file, keyed by the first column named file, file_name,
 * filename or path (a path relative to the folder, or a bare file name); every other column is
 * an item attribute. The table is small next to the media it describes, so it is held in memory.
 */
final class MetadataTable {
  static final Set<String> KEY_COLUMNS = Set.of("file", "file_name", "filename", "path");

  /** Row attributes by key, and the CSV line each key came from. */
  record Row(Map<String, Object> attributes, long line) {}

  private final Map<String, Row> byKey;

  private MetadataTable(Map<String, Row> byKey) {
    this.byKey = byKey;
  }

  static MetadataTable empty() {
    return new MetadataTable(Map.of());
  }

  static MetadataTable read(Path csv) throws IOException {
    try (Reader in = org.trainset.core.io.TextFiles.newReader(csv);
         CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
             .setIgnoreSurroundingSpaces(true).build().parse(in)) {
      List<String> header = parser.getHeaderNames();
      String key = header.stream().filter(h -> KEY_COLUMNS.contains(h.strip().toLowerCase(java.util.Locale.ROOT)))
          .findFirst().orElseThrow(() -> new InputException(csv, 1, -1, "metadata-key-column",
              "needs a column named one of " + KEY_COLUMNS + ", has " + header));
      Map<String, Row> rows = new HashMap<>();
      for (CSVRecord r : parser) {
        if (!r.isConsistent()) {
          throw new InputException(csv, parser.getCurrentLineNumber(), -1, "csv-columns",
              "row has " + r.size() + " values, the header has " + header.size());
        }
        Map<String, Object> attrs = new LinkedHashMap<>();
        for (String h : header) {
          if (!h.equals(key) && !r.get(h).isEmpty()) attrs.put(h, r.get(h));
        }
        String k = r.get(key).replace('\\', '/');
        if (rows.put(k, new Row(attrs, parser.getCurrentLineNumber())) != null) {
          throw new InputException(csv, parser.getCurrentLineNumber(), -1, "metadata-duplicate", "file '" + k + "' listed twice");
        }
      }
      return new MetadataTable(rows);
    } catch (java.io.UncheckedIOException e) {
      throw new InputException(csv, "csv-syntax", e.getCause().getMessage());
    }
  }

  /** The row for a file, by its relative path or else its bare name. */
  Row lookup(String relativePath) {
    Row r = byKey.get(relativePath);
    if (r == null) {
      int slash = relativePath.lastIndexOf('/');
      r = byKey.get(relativePath.substring(slash + 1));
    }
    return r;
  }

  Map<String, Row> rows() {
    return byKey;
  }
}
