package org.trainset.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Item;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.DetectionContext;
import org.trainset.core.spi.FormatDetector;
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
    ReadPlan plan = readerOf(format).plan(root, options);
    if (plan.parts().isEmpty()) requireRecognised(format, root);
    return plan;
  }

  /**
   * One cursor over all parts of {@code plan} that, when the dataset turns out to hold no item at
   * all, asks {@code format}'s detector whether {@code root} is that format at all: a format named
   * by the user ({@code --format}) on data that is not that format reads as 0 items, which would
   * look like an empty dataset of that format.
   */
  public static ItemCursor cursor(Format format, Path root, ReadPlan plan, ReadOptions options) {
    ItemCursor all = cursor(plan, options);
    return new ItemCursor() {
      private long items;
      private boolean checked;

      @Override public Item next() throws IOException {
        Item item = all.next();
        if (item != null) {
          items++;
        } else if (items == 0 && !checked) {
          checked = true;
          requireRecognised(format, root);
        }
        return item;
      }

      @Override public long bytesRead() {
        return all.bytesRead();
      }

      @Override public void close() throws IOException {
        all.close();
      }
    };
  }

  private static void requireRecognised(Format format, Path root) throws IOException {
    if (format.detector().detect(new DetectionContext(root)) <= FormatDetector.NONE) {
      throw new InputException(root, "format-not-found", "format '" + format.id()
          + "' recognises nothing here; it expects " + format.description());
    }
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
