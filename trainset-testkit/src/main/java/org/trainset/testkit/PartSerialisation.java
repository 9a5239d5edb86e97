package org.trainset.testkit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.trainset.core.model.Item;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPart;

/** Java serialisation as Spark's default task serialiser does it, and reading one part whole. */
public final class PartSerialisation {
  private PartSerialisation() {}

  /** Serialises and deserialises {@code value}; fails naming the class that is not serialisable. */
  public static Object roundTrip(Serializable value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return in.readObject();
    }
  }

  /** All items of one part. */
  public static List<Item> read(ReadPart part, ReadOptions options) throws IOException {
    List<Item> items = new ArrayList<>();
    try (ItemCursor c = part.open(options)) {
      for (Item i = c.next(); i != null; i = c.next()) items.add(i);
    }
    return items;
  }
}
