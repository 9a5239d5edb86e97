package org.trainset.families.corpus;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Streams rows into an xlsx with fastexcel: strings are written inline (no shared-string table
 * held in memory) and rows are flushed every {@value #FLUSH_EVERY}. When a sheet reaches
 * {@code rowsPerSheet} rows (header included; Excel's limit is {@value #EXCEL_MAX_ROWS}) the
 * writer continues on a new sheet that repeats the header.
 */
public final class XlsxRowWriter implements RowWriter {
  public static final int EXCEL_MAX_ROWS = 1_048_576;
  private static final int FLUSH_EVERY = 1000;

  private final OutputStream out;
  private final Workbook workbook;
  private final List<String> header;
  private final int rowsPerSheet;
  private Worksheet sheet;
  private int sheetCount;
  private int row;

  XlsxRowWriter(Path file, List<String> header, int rowsPerSheet) throws IOException {
    if (rowsPerSheet < 2 || rowsPerSheet > EXCEL_MAX_ROWS) {
      throw new IllegalArgumentException("rows per sheet must be 2.." + EXCEL_MAX_ROWS + ", got " + rowsPerSheet);
    }
    this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    this.workbook = new Workbook(out, "trainset", "1.0");
    this.header = List.copyOf(header);
    this.rowsPerSheet = rowsPerSheet;
    newSheet();
  }

  private void newSheet() throws IOException {
    if (sheet != null) sheet.finish();
    sheet = workbook.newWorksheet("Sheet" + (++sheetCount));
    for (int c = 0; c < header.size(); c++) sheet.inlineString(0, c, header.get(c));
    row = 1;
  }

  @Override public void write(List<Object> values) throws IOException {
    if (row >= rowsPerSheet) newSheet();
    for (int c = 0; c < values.size(); c++) {
      Object v = values.get(c);
      if (v == null) continue;
      if (v instanceof Number n) {
        sheet.value(row, c, n);
      } else if (v instanceof Boolean b) {
        sheet.value(row, c, b);
      } else {
        sheet.inlineString(row, c, v.toString());
      }
    }
    row++;
    if (row % FLUSH_EVERY == 0) sheet.flush();
  }

  /** Sheets written so far. */
  int sheets() {
    return sheetCount;
  }

  @Override public void finish() throws IOException {
    sheet.finish();
    workbook.finish();
    out.close();
  }

  @Override public void close() throws IOException {
    out.close();
  }
}
