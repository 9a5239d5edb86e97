package org.trainset.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.trainset.core.model.Item;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPart;
import org.trainset.core.spi.ReadPlan;

/** Reading a whole dataset on one machine: its parts one after another. */
public final class Datasets {
  private Datasets() {}

  /** The reader of {@code format}, or an error saying the format cannot be read. */
  public static DatasetReader readerOf(Format format) {
    return format.reader().orElseThrow(() ->
        new IllegalArgumentException("format '" + format.id() + "' cannot be read"));
  }

  public static ReadPlan plan(Format format, Path root, ReadOptions options) throws IOException {
    return readerOf(format).plan(root, options);
  }

  /** One cursor over all parts of {@code plan}, in order. */
  public static ItemCursor cursor(ReadPlan plan, ReadOptions options) {
    return new Sequential(plan.parts(), options);
  }

  /** Every item of a (small) dataset; for tests and tools that need random access. */
  public static List<Item> readAll(ReadPlan plan, ReadOptions options) throws IOException {
    List<Item> items = new java.util.ArrayList<>();
    try (ItemCursor c = cursor(plan, options)) {
      for (Item i = c.next(); i != null; i = c.next()) items.add(i);
    }
    return items;
  }

  private static final class Sequential implements ItemCursor {
    private final Iterator<ReadPart> parts;
    private final ReadOptions options;
    private ItemCursor current;
    private long finishedBytes;

    Sequential(List<ReadPart> parts, ReadOptions options) {
      this.parts = parts.iterator();
      this.options = options;
    }

    @Override public Item next() throws IOException {
      while (true) {
        if (current == null) {
          if (!parts.hasNext()) return null;
          current = parts.next().open(options);
        }
        Item item = current.next();
        if (item != null) return item;
        finishedBytes += current.bytesRead();
        current.close();
        current = null;
      }
    }

    @Override public long bytesRead() {
      return finishedBytes + (current == null ? 0 : current.bytesRead());
    }

    @Override public void close() throws IOException {
      if (current != null) current.close();
    }
  }
}
