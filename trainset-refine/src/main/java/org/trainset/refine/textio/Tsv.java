package org.trainset.refine.textio;

/**
 * Cell escaping for the text TSV format: a cell cannot hold a tab or a line break, so those and
 * the backslash are written as {@code \t}, {@code \n}, {@code \r}, {@code \\} (PostgreSQL's text
 * COPY convention); anything else after a backslash is kept literally.
 */
final class Tsv {
  private Tsv() {}

  static String escape(String s) {
    if (s == null) return "";
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String rep = switch (c) {
        case '\t' -> "\\t";
        case '\n' -> "\\n";
        case '\r' -> "\\r";
        case '\\' -> "\\\\";
        default -> null;
      };
      if (rep != null && sb == null) sb = new StringBuilder(s.length() + 8).append(s, 0, i);
      if (sb != null) {
        if (rep != null) sb.append(rep); else sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }

  static String unescape(String s) {
    if (s.indexOf('\\') < 0) return s;
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        sb.append(switch (n) {
          case 't' -> '\t';
          case 'n' -> '\n';
          case 'r' -> '\r';
          default -> n;
        });
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
