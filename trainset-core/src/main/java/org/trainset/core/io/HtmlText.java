package org.trainset.core.io;

/** Text for HTML pages (inspection and refinement reports): the one escaper. */
public final class HtmlText {
  private HtmlText() {}

  /** Escapes {@code & < > " '} so the text is safe in element content and in either kind of quoted attribute. */
  public static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
