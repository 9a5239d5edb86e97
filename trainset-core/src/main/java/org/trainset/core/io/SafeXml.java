package org.trainset.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * StAX readers that refuse DTDs outright: no external entity is resolved, nothing is fetched,
 * and entity-expansion bombs never expand, because a document with a DOCTYPE is rejected at the
 * DOCTYPE itself. Dataset XML (CVAT, VOC, CCTV) never needs a DTD.
 */
public final class SafeXml {
  private SafeXml() {}

  /**
   * Building a factory costs more than parsing a small VOC file, so each thread keeps one;
   * factories are not guaranteed thread-safe, hence one per thread rather than one shared.
   */
  private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(SafeXml::newFactory);

  private static XMLInputFactory factory() {
    return FACTORY.get();
  }

  private static XMLInputFactory newFactory() {
    // The JDK's own implementation, whatever else is on the class path: a library may bring
    // another StAX provider (fastexcel brings Aalto) whose DTD handling these guards were not
    // written and tested against.
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    f.setXMLResolver((publicId, systemId, base, ns) -> {
      throw new XMLStreamException("external entity refused: " + systemId);
    });
    return f;
  }

  /** A reader over {@code in}; {@code file} names the source in errors; close() closes {@code in}. */
  public static XMLStreamReader open(InputStream in, Path file, ParseLimits limits) throws IOException {
    try {
      return new Guarded(factory().createXMLStreamReader(in), file, limits, in);
    } catch (XMLStreamException e) {
      throw inputError(file, e);
    }
  }

  /** Opens {@code file} after checking its size; closing the reader closes the file. */
  public static XMLStreamReader open(Path file, ParseLimits limits) throws IOException {
    limits.checkFileSize(file);
    return open(Files.newInputStream(file), file, limits);
  }

  public static InputException inputError(Path file, XMLStreamException e) {
    Location loc = e.getLocation();
    String msg = e.getMessage();
    if (msg != null && msg.startsWith("ParseError at [")) {
      int nl = msg.indexOf("Message: ");
      if (nl >= 0) msg = msg.substring(nl + 9);
    }
    return new InputException(file, loc == null ? -1 : loc.getLineNumber(),
        loc == null ? -1 : loc.getColumnNumber(), null, "xml-syntax", msg, e);
  }

  /**
   * After the root element's end tag: reads to the end of the document, so anything but white
   * space, comments and processing instructions there (a second root, text, a broken tag) is an
   * error instead of being silently left unread.
   */
  public static void requireEnd(XMLStreamReader r, Path file) throws IOException {
    try {
      while (r.hasNext()) {
        int ev = r.next();
        if (ev == javax.xml.stream.XMLStreamConstants.START_ELEMENT
            || (ev == javax.xml.stream.XMLStreamConstants.CHARACTERS && !r.isWhiteSpace())) {
          throw inputError(file, r, "xml-trailing", "content after the root element");
        }
      }
    } catch (XMLStreamException e) {
      throw inputError(file, e);
    }
  }

  public static InputException inputError(Path file, XMLStreamReader r, String rule, String detail) {
    Location loc = r.getLocation();
    return new InputException(file, loc.getLineNumber(), loc.getColumnNumber(), null, rule, detail, null);
  }

  /** Rejects DTDs and entity references, and enforces nesting and text limits. */
  private static final class Guarded extends StreamReaderDelegate {
    private final Path file;
    private final ParseLimits limits;
    private final InputStream in;
    private int depth;

    Guarded(XMLStreamReader delegate, Path file, ParseLimits limits, InputStream in) {
      super(delegate);
      this.file = file;
      this.limits = limits;
      this.in = in;
    }

    @Override public void close() throws XMLStreamException {
      try {
        super.close();
      } finally {
        try {
          in.close();
        } catch (IOException e) {
          throw new XMLStreamException("closing " + file, e);
        }
      }
    }

    @Override public int next() throws XMLStreamException {
      int event = super.next();
      switch (event) {
        case XMLStreamConstants.DTD -> throw new XMLStreamException(
            "DOCTYPE refused: dataset XML must not declare a DTD or entities", getLocation());
        case XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException(
            "entity reference '" + getLocalName() + "' refused", getLocation());
        case XMLStreamConstants.START_ELEMENT -> {
          if (++depth > limits.maxNestingDepth()) {
            throw new XMLStreamException("nesting deeper than " + limits.maxNestingDepth(), getLocation());
          }
        }
        case XMLStreamConstants.END_ELEMENT -> depth--;
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
          if (getTextLength() > limits.maxStringLength()) {
            throw new XMLStreamException("text longer than " + limits.maxStringLength(), getLocation());
          }
        }
        default -> { }
      }
      return event;
    }

    /** Re-implemented over {@link #next()} so the guards see every event (the delegate's would bypass them). */
    @Override public String getElementText() throws XMLStreamException {
      if (getEventType() != XMLStreamConstants.START_ELEMENT) {
        throw new XMLStreamException("getElementText() needs a start element", getLocation());
      }
      StringBuilder text = new StringBuilder();
      int event = next();
      while (event != XMLStreamConstants.END_ELEMENT) {
        switch (event) {
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text.append(getText());
          case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> { }
          case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("document ended inside an element", getLocation());
          case XMLStreamConstants.START_ELEMENT -> throw new XMLStreamException(
              "element text expected, found <" + getLocalName() + ">", getLocation());
          default -> throw new XMLStreamException("unexpected event " + event + " in element text", getLocation());
        }
        event = next();
      }
      return text.toString();
    }

    /** Re-implemented over {@link #next()} so the guards see every event. */
    @Override public int nextTag() throws XMLStreamException {
      int event = next();
      while ((event == XMLStreamConstants.CHARACTERS && isWhiteSpace())
          || (event == XMLStreamConstants.CDATA && isWhiteSpace())
          || event == XMLStreamConstants.SPACE || event == XMLStreamConstants.COMMENT
          || event == XMLStreamConstants.PROCESSING_INSTRUCTION) {
        event = next();
      }
      if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
        throw new XMLStreamException("start or end tag expected", getLocation());
      }
      return event;
    }

    @Override public String toString() {
      return "SafeXml[" + file + "]";
    }
  }
}
