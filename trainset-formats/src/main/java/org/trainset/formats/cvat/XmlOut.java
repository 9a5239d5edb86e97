package org.trainset.formats.cvat;

import java.io.IOException;
import java.io.Writer;

/**
 * A minimal streaming XML writer: just the escaping CVAT files need, no DOM and no checks beyond
 * that. Attribute values escape newlines and tabs as character references so they survive
 * attribute-value normalisation on the way back.
 */
final class XmlOut {
  private final Writer w;

  XmlOut(Writer w) {
    this.w = w;
  }

  XmlOut raw(String s) throws IOException {
    w.write(s);
    return this;
  }

  /** {@code <name} at {@code indent} levels; follow with attributes and {@link #end} or {@link #empty}. */
  XmlOut open(int indent, String name) throws IOException {
    for (int i = 0; i < indent; i++) w.write("  ");
    w.write('<');
    w.write(name);
    return this;
  }

  XmlOut attr(String name, String value) throws IOException {
    w.write(' ');
    w.write(name);
    w.write("=\"");
    escape(value, true);
    w.write('"');
    return this;
  }

  XmlOut attr(String name, double value) throws IOException {
    w.write(' ');
    w.write(name);
    w.write("=\"");
    number(value);
    w.write('"');
    return this;
  }

  XmlOut attr(String name, long value) throws IOException {
    w.write(' ');
    w.write(name);
    w.write("=\"");
    w.write(Long.toString(value));
    w.write('"');
    return this;
  }

  /** Ends a start tag whose content follows. */
  XmlOut end() throws IOException {
    w.write(">");
    return this;
  }

  /** Ends a start tag as an empty element. */
  XmlOut empty() throws IOException {
    w.write("/>\n");
    return this;
  }

  XmlOut close(int indent, String name) throws IOException {
    for (int i = 0; i < indent; i++) w.write("  ");
    w.write("</");
    w.write(name);
    w.write(">\n");
    return this;
  }

  /** {@code <name>text</name>} on one line. */
  XmlOut element(int indent, String name, String text) throws IOException {
    open(indent, name).end();
    escape(text, false);
    w.write("</");
    w.write(name);
    w.write(">\n");
    return this;
  }

  XmlOut newline() throws IOException {
    w.write('\n');
    return this;
  }

  /** Integral values without a fraction, others in Java's shortest round-trip form. */
  void number(double d) throws IOException {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      w.write(Long.toString((long) d));
    } else {
      w.write(Double.toString(d));
    }
  }

  /** x0,y0;x1,y1;... */
  void points(double[] xy) throws IOException {
    for (int i = 0; i < xy.length; i += 2) {
      if (i > 0) w.write(';');
      number(xy[i]);
      w.write(',');
      number(xy[i + 1]);
    }
  }

  private void escape(String s, boolean attribute) throws IOException {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> w.write("&amp;");
        case '<' -> w.write("&lt;");
        case '>' -> w.write("&gt;");
        case '"' -> w.write(attribute ? "&quot;" : "\"");
        case '\r' -> w.write("&#13;");
        case '\n' -> w.write(attribute ? "&#10;" : "\n");
        case '\t' -> w.write(attribute ? "&#9;" : "\t");
        default -> w.write(c);
      }
    }
  }
}
