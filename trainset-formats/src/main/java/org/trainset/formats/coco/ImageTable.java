package org.trainset.formats.coco;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.trainset.core.json.JsonValues;

/**
 * The images of one subset, numbered in the order first seen. Image records are spilled in that
 * order (to memory for small inputs, a temp file otherwise) and read back sequentially when items
 * are emitted, so the heap holds only the COCO id → number index ({@link LongIntMap}).
 */
final class ImageTable implements AutoCloseable {
  /** One image: its COCO file_name, size when given, and its other keys (including {@code id}). */
  record Image(String fileName, Integer width, Integer height, Map<String, Object> attributes) {}

  private final JsonFactory json = new JsonFactory();
  private final ObjectMapper mapper = new ObjectMapper();
  private final ByteArrayOutputStream memory;
  private final Path file;
  private DataOutputStream out;
  private DataInputStream in;
  private int count;

  ImageTable(boolean spillToDisk) throws IOException {
    if (spillToDisk) {
      memory = null;
      file = Files.createTempFile("trainset-coco-images-", ".bin");
      out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    } else {
      memory = new ByteArrayOutputStream();
      file = null;
      out = new DataOutputStream(memory);
    }
  }

  int size() {
    return count;
  }

  /** Appends an image and returns its number. */
  int add(Image image) throws IOException {
    byte[] name = image.fileName().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(name.length);
    out.write(name);
    out.writeInt(image.width() == null ? -1 : image.width());
    out.writeInt(image.height() == null ? -1 : image.height());
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (JsonGenerator g = json.createGenerator(buf)) {
      JsonValues.writeMap(g, image.attributes());
    }
    out.writeInt(buf.size());
    out.write(buf.toByteArray());
    return count++;
  }

  /** The next image in number order; call {@link #size()} times after all adds. */
  Image next() throws IOException {
    if (in == null) {
      out.close();
      in = new DataInputStream(memory != null ? new ByteArrayInputStream(memory.toByteArray())
          : new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }
    byte[] nameBytes = new byte[in.readInt()];
    in.readFully(nameBytes);
    String name = new String(nameBytes, java.nio.charset.StandardCharsets.UTF_8);
    int w = in.readInt();
    int h = in.readInt();
    byte[] attrs = new byte[in.readInt()];
    in.readFully(attrs);
    return new Image(name, w < 0 ? null : w, h < 0 ? null : h, JsonValues.toMap(mapper.readTree(attrs)));
  }

  @Override public void close() throws IOException {
    out.close();
    if (in != null) in.close();
    if (file != null) Files.deleteIfExists(file);
  }

  /** Open-addressing long → int map (COCO image ids to numbers) without boxing. */
  static final class LongIntMap {
    /** Marks a free slot; an image id of Long.MIN_VALUE is kept aside. */
    private static final long FREE = Long.MIN_VALUE;
    private long[] keys = newKeys(1024);
    private int[] values = new int[1024];
    private int size;
    private int minValue = -1;

    private static long[] newKeys(int n) {
      long[] k = new long[n];
      Arrays.fill(k, FREE);
      return k;
    }

    void put(long key, int value) {
      if (key == FREE) {
        minValue = value;
        return;
      }
      if (2 * (size + 1) > keys.length) grow();
      int mask = keys.length - 1;
      int i = slot(key, mask);
      while (keys[i] != FREE && keys[i] != key) i = (i + 1) & mask;
      if (keys[i] == FREE) size++;
      keys[i] = key;
      values[i] = value;
    }

    /** The value for {@code key}, or -1. */
    int get(long key) {
      if (key == FREE) return minValue;
      int mask = keys.length - 1;
      int i = slot(key, mask);
      long k;
      while ((k = keys[i]) != FREE) {
        if (k == key) return values[i];
        i = (i + 1) & mask;
      }
      return -1;
    }

    private static int slot(long key, int mask) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
      long[] k = keys;
      int[] v = values;
      keys = newKeys(k.length * 2);
      values = new int[k.length * 2];
      size = 0;
      for (int i = 0; i < k.length; i++) if (k[i] != FREE) put(k[i], v[i]);
    }
  }
}
