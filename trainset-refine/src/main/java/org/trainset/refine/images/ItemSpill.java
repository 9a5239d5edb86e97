package org.trainset.refine.images;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The ids and image paths of every item, in input order, in a temporary file instead of the heap
 * (an id and a path are ~200 bytes as Java strings, the largest per-image cost of dedup). Only
 * the members of duplicate clusters are read back, in one sequential pass.
 */
final class ItemSpill implements Closeable {
  private final Path file;
  private final DataOutputStream out;
  private int count;

  ItemSpill() throws IOException {
    file = Files.createTempFile("trainset-dedup-", ".items");
    file.toFile().deleteOnExit();
    out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
  }

  /** Appends item {@link #count()}: its id and its image path (null: no image). */
  void add(String id, Path image) throws IOException {
    write(id);
    write(image == null ? "" : image.toString());
    count++;
  }

  int count() {
    return count;
  }

  private void write(String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  /** {id, path} of each index in {@code wanted} (any order). */
  Map<Integer, String[]> read(int[] wanted) throws IOException {
    out.flush();
    int[] sorted = wanted.clone();
    Arrays.sort(sorted);
    Map<Integer, String[]> found = new HashMap<>();
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      int k = 0;
      for (int i = 0; i < count && k < sorted.length; i++) {
        if (i == sorted[k]) {
          found.put(i, new String[] {read(in), read(in)});
          while (k < sorted.length && sorted[k] == i) k++;
        } else {
          skip(in);
          skip(in);
        }
      }
    }
    return found;
  }

  private static String read(DataInputStream in) throws IOException {
    return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
  }

  private static void skip(DataInputStream in) throws IOException {
    int n = in.readInt();
    in.skipNBytes(n);
  }

  @Override public void close() throws IOException {
    try {
      out.close();
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
