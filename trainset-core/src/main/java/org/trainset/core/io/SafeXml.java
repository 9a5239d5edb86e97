package org.trainset.core.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
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

  /**
   * Opens {@code file} after checking its size; closing the reader closes the file. The bytes of a
   * UTF-8 document (declared, or by default) are checked on their way to the parser: the JDK
   * parser prints "[Fatal Error] ..." to the process's stderr on a malformed byte before it
   * throws, a second line beside the input error given here instead (naming the file and line).
   * Other encodings are decoded here, strictly, and the parser is given characters
   * ({@link XmlDecoding}).
   */
  public static XMLStreamReader open(Path file, ParseLimits limits) throws IOException {
    limits.checkFileSize(file);
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    try {
      Charset other = XmlDecoding.nonUtf8(in, file);
      if (other == null) return open(new Utf8Only(in, file), file, limits);
      Reader chars = XmlDecoding.strictReader(in, other, file);
      try {
        return new Guarded(factory().createXMLStreamReader(chars), file, limits, chars);
      } catch (XMLStreamException e) {
        throw inputError(file, e);
      }
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /**
   * Passes bytes through unchanged, refusing the first that breaks UTF-8 (RFC 3629: no overlong
   * forms, surrogates or code points past U+10FFFF) before the parser's decoder sees it.
   */
  private static final class Utf8Only extends java.io.FilterInputStream {
    private final Path file;
    private int need; // continuation bytes still expected
    private int lo = 0x80;
    private int hi = 0xBF; // range of the next continuation byte
    private long line = 1;

    Utf8Only(InputStream in, Path file) {
      super(in);
      this.file = file;
    }

    @Override public int read() throws IOException {
      int b = super.read();
      if (b >= 0) check(b);
      else if (need > 0) throw TextFiles.notUtf8(file, line);
      return b;
    }

    @Override public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      for (int i = off; i < off + n; i++) check(buf[i] & 0xFF);
      if (n < 0 && need > 0) throw TextFiles.notUtf8(file, line); // a sequence cut off by the end
      return n;
    }

    @Override public boolean markSupported() {
      return false; // a reset would check (and count lines of) the same bytes twice
    }

    private void check(int b) throws InputException {
      if (need > 0) {
        if (b < lo || b > hi) throw TextFiles.notUtf8(file, line);
        need--;
        lo = 0x80;
        hi = 0xBF;
      } else if (b < 0x80) {
        if (b == '\n') line++;
      } else if (b >= 0xC2 && b <= 0xDF) {
        need = 1;
      } else if (b >= 0xE0 && b <= 0xEF) {
        need = 2;
        if (b == 0xE0) lo = 0xA0; // overlong
        if (b == 0xED) hi = 0x9F; // surrogates
      } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3;
        if (b == 0xF0) lo = 0x90; // overlong
        if (b == 0xF4) hi = 0x8F; // past U+10FFFF
      } else {
        throw TextFiles.notUtf8(file, line);
      }
    }
  }

  public static InputException inputError(Path file, XMLStreamException e) {
    // the strict decoder's error, which already names the file and the rule
    for (Throwable t = e.getNestedException() != null ? e.getNestedException() : e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof InputException ie) return ie;
    }
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
    private final Closeable in;
    private int depth;

    Guarded(XMLStreamReader delegate, Path file, ParseLimits limits, Closeable in) {
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
