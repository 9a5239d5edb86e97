package org.trainset.families.cctv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.trainset.core.io.ParseLimits;
import org.trainset.core.io.SafeXml;

/**
 * A small element tree read through {@link SafeXml} (DTDs refused, limits enforced). A clip's
 * XML is a few kilobytes, so a tree is simpler than pulling events; each node keeps its line and
 * column for error messages.
 */
record XmlNode(String name, String text, List<XmlNode> children, int line, int column) {
  static XmlNode read(Path file, ParseLimits limits) throws IOException {
    XMLStreamReader r = SafeXml.open(file, limits);
    try {
      while (r.hasNext()) {
        if (r.next() == XMLStreamConstants.START_ELEMENT) return element(r);
      }
      throw SafeXml.inputError(file, r, "xml-empty", "no root element");
    } catch (XMLStreamException e) {
      throw SafeXml.inputError(file, e);
    } finally {
      try {
        r.close();
      } catch (XMLStreamException e) {
        // closing a reader we are done with; the parse result stands
      }
    }
  }

  private static XmlNode element(XMLStreamReader r) throws XMLStreamException {
    String name = r.getLocalName();
    int line = r.getLocation().getLineNumber();
    int col = r.getLocation().getColumnNumber();
    List<XmlNode> children = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    while (r.hasNext()) {
      int e = r.next();
      if (e == XMLStreamConstants.START_ELEMENT) {
        children.add(element(r));
      } else if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) {
        text.append(r.getText());
      } else if (e == XMLStreamConstants.END_ELEMENT) {
        break;
      }
    }
    return new XmlNode(name, text.toString().strip(), List.copyOf(children), line, col);
  }

  XmlNode child(String childName) {
    for (XmlNode c : children) {
      if (c.name.equals(childName)) return c;
    }
    return null;
  }

  List<XmlNode> all(String childName) {
    return children.stream().filter(c -> c.name.equals(childName)).toList();
  }

  String childText(String childName) {
    XmlNode c = child(childName);
    return c == null ? null : c.text;
  }
}
