package org.trainset.formats.voc;

import java.util.regex.Pattern;

/** Text of Datumaro-style {@code <attribute><value>} elements to and from JSON value types. */
final class VocValues {
  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,17})");
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+\\.[0-9]+([eE][-+]?[0-9]+)?");

  private VocValues() {}

  /** {@code true}/{@code false} → Boolean, integers → Long, decimals → Double, else the text. */
  static Object parse(String text) {
    if (text.equals("true")) return Boolean.TRUE;
    if (text.equals("false")) return Boolean.FALSE;
    if (INTEGER.matcher(text).matches()) return Long.parseLong(text);
    if (DECIMAL.matcher(text).matches()) {
      double d = Double.parseDouble(text);
      if (Double.isFinite(d)) return d;
    }
    return text;
  }

  /** The text for {@code value}, or null when reading it back would not give the same value. */
  static String format(Object value) {
    if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
      return value.toString();
    }
    if (value instanceof Double d) {
      String s = d.toString();
      return parse(s) instanceof Double p && p.equals(d) ? s : null;
    }
    if (value instanceof String s) {
      return parse(s) instanceof String ? s : null;
    }
    return null;
  }
}
