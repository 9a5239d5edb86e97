package org.trainset.formats.voc;

/** Finds the root element name in the first bytes of an XML file, for detectors (no parsing). */
final class XmlHead {
  private XmlHead() {}

  /** The root element's name, or null when the head does not start like an XML document. */
  static String rootElement(String head) {
    int i = 0;
    int n = head.length();
    if (n > 0 && head.charAt(0) == '\uFEFF') i++;
    while (i < n) {
      char c = head.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (head.startsWith("<?", i)) {
        i = skipPast(head, i, "?>");
      } else if (head.startsWith("<!--", i)) {
        i = skipPast(head, i, "-->");
      } else if (head.startsWith("<!DOCTYPE", i)) {
        // Skipped only to find the root: the reader refuses the DOCTYPE with a clear error.
        int bracket = head.indexOf('[', i);
        int close = head.indexOf('>', i);
        i = bracket >= 0 && bracket < close ? skipPast(head, i, "]>") : skipPast(head, i, ">");
      } else if (c == '<' && i + 1 < n && isNameStart(head.charAt(i + 1))) {
        int end = i + 1;
        while (end < n && isNameChar(head.charAt(end))) end++;
        return head.substring(i + 1, end);
      } else {
        return null;
      }
      if (i < 0) return null;
    }
    return null;
  }

  private static int skipPast(String s, int from, String end) {
    int at = s.indexOf(end, from);
    return at < 0 ? -1 : at + end.length();
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_' || c == ':';
  }

  private static boolean isNameChar(char c) {
    return isNameStart(c) || Character.isDigit(c) || c == '-' || c == '.';
  }
}
