package org.trainset.families.corpus;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.trainset.core.io.InputException;
import org.trainset.core.io.ParseLimits;
import org.trainset.core.io.ZipIntegrity;

/**
 * Streams the rows of every sheet of an xlsx with fastexcel-reader (a StAX pass over each sheet's
 * XML; only the current row is in memory). Each sheet starts with its own header row, so a
 * domain split across sheets reads as one sequence.
 */
final class XlsxRows implements RowSource {
  private final Path file;
  private final ReadableWorkbook workbook;
  private final List<Sheet> sheets;
  private int sheetIndex = -1;
  private Stream<Row> stream;
  private Iterator<Row> rows;
  private List<String> header = List.of();
  private String sheetName = "";
  private long line;

  XlsxRows(Path file, ParseLimits limits) throws IOException {
    this.file = file;
    // fastexcel trusts the zip: damaged CRCs, lying sizes and giant strings are refused here first
    ZipIntegrity.check(file, limits, name -> name.endsWith(".xml"));
    try {
      this.workbook = new ReadableWorkbook(file.toFile());
      this.sheets = workbook.getSheets().toList();
    } catch (IOException | RuntimeException e) {
      throw new InputException(file, "xlsx-unreadable", "not a readable xlsx workbook: " + reason(e));
    }
  }

  @Override public List<String> header() { return header; }
  @Override public String position() { return "sheet '" + sheetName + "' row " + line; }
  @Override public long line() { return line; }

  @Override public List<Object> next() throws IOException {
    while (true) {
      if (rows == null && !openNextSheet()) return null;
      Row row;
      try {
        if (!rows.hasNext()) {
          closeSheet();
          continue;
        }
        row = rows.next();
      } catch (RuntimeException e) { // the library's own, or damaged zip data (corrupt deflate) it wraps
        throw new InputException(file, line + 1, -1, null, "xlsx-syntax",
            "sheet '" + sheetName + "' after row " + line + ": " + reason(e), e);
      }
      line = row.getRowNum();
      List<Object> values = values(row);
      if (values.stream().allMatch(v -> v == null)) continue;
      if (header.isEmpty()) {
        header = values.stream().map(v -> v == null ? "" : v.toString().strip()).toList();
        continue;
      }
      return values;
    }
  }

  private boolean openNextSheet() throws IOException {
    if (++sheetIndex >= sheets.size()) return false;
    Sheet s = sheets.get(sheetIndex);
    sheetName = s.getName();
    header = List.of();
    line = 0;
    try {
      stream = s.openStream();
    } catch (IOException | RuntimeException e) {
      throw new InputException(file, "xlsx-unreadable", "sheet '" + sheetName + "': " + reason(e));
    }
    rows = stream.iterator();
    return true;
  }

  /**
   * What went wrong, without the library's class names: the deepest cause's message (a zip
   * stream's "invalid stored block lengths", "invalid entry CRC"), with "pkg.SomeException: "
   * prefixes taken out.
   */
  static String reason(Throwable e) {
    Throwable t = e;
    String m = null;
    for (int depth = 0; t != null && depth < 10; t = t.getCause(), depth++) {
      if (t.getMessage() != null) m = t.getMessage();
    }
    if (m == null) return "damaged workbook data";
    m = m.replaceAll("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error)\\b:?\\s*", "").strip();
    return m.isEmpty() ? "damaged workbook data" : m;
  }

  private void closeSheet() {
    if (stream != null) stream.close();
    stream = null;
    rows = null;
  }

  /** Cell values as JSON types: integral numbers become Long, others Double; text stays text. */
  static List<Object> values(Row row) {
    List<Object> out = new ArrayList<>(row.getCellCount());
    for (int i = 0; i < row.getCellCount(); i++) {
      Cell c = row.getCell(i);
      out.add(c == null ? null : value(c));
    }
    return out;
  }

  private static Object value(Cell c) {
    switch (c.getType()) {
      case EMPTY: return null;
      case NUMBER: {
        BigDecimal n = c.asNumber();
        if (n.signum() == 0 || n.stripTrailingZeros().scale() <= 0) {
          try {
            return n.longValueExact();
          } catch (ArithmeticException e) {
            return n.doubleValue();
          }
        }
        return n.doubleValue();
      }
      case BOOLEAN: return c.asBoolean();
      case STRING: {
        String s = c.asString();
        return s == null || s.isEmpty() ? null : s;
      }
      default: {
        String raw = c.getRawValue();
        return raw == null || raw.isEmpty() ? null : raw;
      }
    }
  }

  @Override public void close() throws IOException {
    closeSheet();
    workbook.close();
  }
}
