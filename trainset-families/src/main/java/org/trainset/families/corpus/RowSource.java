package org.trainset.families.corpus;

import java.io.IOException;
import java.util.List;

/** Rows of one corpus file (all its sheets in order), header excluded. */
interface RowSource extends AutoCloseable {
  /** The header of the sheet the last row came from (the first sheet's before any row). */
  List<String> header();

  /** Cell values of the next row by column index (null for empty cells), or null at the end. */
  List<Object> next() throws IOException;

  /** Where the last row came from: sheet and row, for error messages. */
  String position();

  /** 1-based row number of the last row within its sheet or file. */
  long line();

  @Override void close() throws IOException;
}
