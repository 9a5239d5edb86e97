package org.trainset.core.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Input that cannot be read as what it claims to be. Carries where (file, line, column, item) and
 * which rule was broken, so every caller can print one precise message. The CLI maps it to exit
 * code 3.
 */
public class InputException extends IOException {
  private final transient Path file;
  private final long line;
  private final long column;
  private final String item;
  private final String rule;
  private final String detail;

  public InputException(Path file, long line, long column, String item, String rule, String detail,
                        Throwable cause) {
    super(format(file, line, column, item, rule, detail), cause);
    this.file = file;
    this.line = line;
    this.column = column;
    this.item = item;
    this.rule = rule;
    this.detail = detail;
  }

  public InputException(Path file, long line, long column, String rule, String detail) {
    this(file, line, column, null, rule, detail, null);
  }

  public InputException(Path file, String rule, String detail) {
    this(file, -1, -1, null, rule, detail, null);
  }

  /** A problem with one item, found outside any text position (e.g. a dangling reference). */
  public static InputException atItem(Path file, String item, String rule, String detail) {
    return new InputException(file, -1, -1, item, rule, detail, null);
  }

  public Path file() { return file; }
  /** 1-based line, or -1 when not known. */
  public long line() { return line; }
  /** 1-based column, or -1 when not known. */
  public long column() { return column; }
  public String item() { return item; }
  public String rule() { return rule; }
  public String detail() { return detail; }

  /** This error in the shared problem vocabulary (severity error). */
  public org.trainset.core.issue.Issue issue() {
    return new org.trainset.core.issue.Issue(org.trainset.core.issue.Severity.ERROR, rule == null ? "input" : rule,
        file == null ? null : file.toString(), line, column, item, null, null, detail, null);
  }

  /** An input error made from an error {@code issue} (file, line, column, item, rule, message). */
  public static InputException of(org.trainset.core.issue.Issue issue) {
    return new InputException(issue.file() == null ? null : Path.of(issue.file()), issue.line(), issue.column(),
        issue.item(), issue.rule(), issue.message(), null);
  }

  private static String format(Path file, long line, long column, String item, String rule,
                               String detail) {
    StringBuilder sb = new StringBuilder();
    sb.append(file == null ? "<input>" : file.toString());
    if (line >= 0) {
      sb.append(':').append(line);
      if (column >= 0) sb.append(':').append(column);
    }
    if (item != null) sb.append(" [item ").append(item).append(']');
    sb.append(": ");
    if (rule != null) sb.append(rule).append(": ");
    sb.append(oneLine(detail));
    return sb.toString();
  }

  /** Longest detail printed; a bad value longer than this is quoted by its prefix only. */
  public static final int MAX_DETAIL = 240;

  /**
   * {@code detail} as one line of at most {@link #MAX_DETAIL} characters: line breaks and runs of
   * white space (a parser's multi-line report) become single spaces, control characters are
   * dropped, and a longer text (a megabyte-long bad value echoed back) is cut with an ellipsis.
   */
  public static String oneLine(String detail) {
    if (detail == null) return "";
    StringBuilder sb = new StringBuilder(Math.min(detail.length(), MAX_DETAIL + 1));
    boolean space = false;
    for (int i = 0; i < detail.length() && sb.length() <= MAX_DETAIL; i++) {
      char c = detail.charAt(i);
      if (Character.isWhitespace(c)) {
        space = sb.length() > 0;
        continue;
      }
      if (Character.isISOControl(c)) continue;
      if (space) sb.append(' ');
      space = false;
      sb.append(c);
    }
    if (sb.length() > MAX_DETAIL) {
      sb.setLength(MAX_DETAIL);
      sb.append('…');
    }
    return sb.toString();
  }
}
