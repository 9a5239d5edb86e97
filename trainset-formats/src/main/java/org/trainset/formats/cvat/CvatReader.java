package org.trainset.formats.cvat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.trainset.core.io.InputException;
import org.trainset.core.io.SafeXml;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPart;
import org.trainset.core.spi.ReadPlan;

/** Plans one part (the XML file); the schema comes from the head, read before any item. */
final class CvatReader implements DatasetReader {
  @Override public ReadPlan plan(Path root, ReadOptions options) throws IOException {
    Path file = annotationFile(root);
    CvatHead head;
    try (Closing c = new Closing(SafeXml.open(file, options.limits()))) {
      head = CvatHead.read(c.reader, file);
    } catch (XMLStreamException e) {
      throw SafeXml.inputError(file, e);
    }
    String name = file.getFileName().toString().replaceFirst("\\.xml$", "");
    return new ReadPlan(head.schema(name), List.of(new XmlPart(file.toAbsolutePath().toString(), Files.size(file))));
  }

  static Path annotationFile(Path root) throws InputException {
    Path file = Files.isDirectory(root) ? root.resolve(CvatFormat.ANNOTATIONS_FILE) : root;
    if (!org.trainset.core.io.DatasetFolder.present(file)) {
      throw new InputException(file, "missing-file", "no CVAT " + CvatFormat.ANNOTATIONS_FILE + " here");
    }
    return file;
  }

  /** The whole XML file: CVAT XML cannot be split, so it is one part. Holds only the path. */
  record XmlPart(String path, long size) implements ReadPart {
    @Override public String describe() { return path; }
    @Override public long estimatedBytes() { return size; }

    @Override public ItemCursor open(ReadOptions options) throws IOException {
      Path file = options.storage().local(path);
      XMLStreamReader r = SafeXml.open(file, options.limits());
      try {
        return new CvatCursor(file, r, CvatHead.read(r, file), options.problems());
      } catch (XMLStreamException e) {
        closeQuietly(r);
        throw SafeXml.inputError(file, e);
      } catch (IOException | RuntimeException e) {
        closeQuietly(r);
        throw e;
      }
    }
  }

  static void closeQuietly(XMLStreamReader r) {
    try {
      r.close();
    } catch (XMLStreamException ignored) {
      // already failing; the first error is the one to report
    }
  }

  /** try-with-resources for a StAX reader (which is not AutoCloseable). */
  private record Closing(XMLStreamReader reader) implements AutoCloseable {
    @Override public void close() {
      closeQuietly(reader);
    }
  }
}
