package org.trainset.formats.cvat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.trainset.core.io.InputException;
import org.trainset.core.io.SafeXml;

/** Small StAX helpers shared by the CVAT reader classes. */
final class CvatXml {
  private CvatXml() {}

  /** Moves to the next start or end tag (or the end of the document), skipping text and comments. */
  static int nextTag(XMLStreamReader r) throws XMLStreamException {
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT || ev == XMLStreamConstants.END_ELEMENT) return ev;
    }
    return XMLStreamConstants.END_DOCUMENT;
  }

  /**
   * The text of a text-only element, leaving the reader on its end tag. Used instead of
   * {@code XMLStreamReader.getElementText()}, which would step past SafeXml's guard and leave its
   * nesting count one level too deep per call.
   */
  static String text(XMLStreamReader r) throws XMLStreamException {
    StringBuilder sb = null;
    String single = "";
    while (true) {
      int ev = r.next();
      switch (ev) {
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (single.isEmpty() && sb == null) {
            single = r.getText();
          } else {
            if (sb == null) sb = new StringBuilder(single);
            sb.append(r.getText());
          }
        }
        case XMLStreamConstants.END_ELEMENT -> {
          return sb != null ? sb.toString() : single;
        }
        case XMLStreamConstants.START_ELEMENT -> throw new XMLStreamException(
            "<" + r.getLocalName() + "> inside an element that holds only text", r.getLocation());
        default -> { }
      }
    }
  }

  /** Skips the element {@code r} is on, with everything inside it. */
  static void skip(XMLStreamReader r) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) depth++;
      else if (ev == XMLStreamConstants.END_ELEMENT) depth--;
    }
  }

  /** An element as a value: its text when it has no child elements, else a map of its children. */
  static Object readTree(XMLStreamReader r) throws XMLStreamException {
    Map<String, Object> map = null;
    StringBuilder text = new StringBuilder();
    while (true) {
      int ev = r.next();
      switch (ev) {
        case XMLStreamConstants.START_ELEMENT -> {
          if (map == null) map = new LinkedHashMap<>();
          String name = r.getLocalName();
          putRepeated(map, name, readTree(r));
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
            text.append(r.getText());
        case XMLStreamConstants.END_ELEMENT -> {
          return map != null ? map : text.toString();
        }
        default -> { }
      }
    }
  }

  /** Adds {@code value} under {@code key}; a repeated key turns into a list of its values. */
  @SuppressWarnings("unchecked")
  static void putRepeated(Map<String, Object> map, String key, Object value) {
    Object old = map.get(key);
    if (old == null) {
      map.put(key, value);
    } else if (old instanceof List<?> list) {
      ((List<Object>) list).add(value);
    } else {
      List<Object> list = new ArrayList<>();
      list.add(old);
      list.add(value);
      map.put(key, list);
    }
  }

  static InputException error(Path file, XMLStreamReader r, String rule, String detail) {
    return SafeXml.inputError(file, r, rule, detail);
  }
}
