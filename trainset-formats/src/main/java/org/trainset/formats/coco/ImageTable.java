package org.trainset.formats.coco;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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
    writeString(out, image.fileName());
    out.writeInt(image.width() == null ? -1 : image.width());
    out.writeInt(image.height() == null ? -1 : image.height());
    writeValue(out, image.attributes());
    return count++;
  }

  /** The next image in number order; call {@link #size()} times after all adds. */
  Image next() throws IOException {
    if (in == null) {
      out.close();
      in = new DataInputStream(memory != null ? new ByteArrayInputStream(memory.toByteArray())
          : new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }
    String name = readString(in);
    int w = in.readInt();
    int h = in.readInt();
    @SuppressWarnings("unchecked")
    Map<String, Object> attrs = (Map<String, Object>) readValue(in);
    return new Image(name, w < 0 ? null : w, h < 0 ? null : h, attrs);
  }

  private static final int NULL = 0, STRING = 1, TRUE = 2, FALSE = 3, LONG = 4, DOUBLE = 5, LIST = 6, MAP = 7;

  /**
   * Attribute values ({@link JsonValues#toJava}'s types: String, Boolean, Long, Double, List,
   * ordered Map, null) in a tagged binary form that reads back equal, bit for bit for doubles;
   * a JSON generator and parser per image cost more than reading the image did.
   */
  private static void writeValue(DataOutputStream out, Object v) throws IOException {
    if (v == null) {
      out.write(NULL);
    } else if (v instanceof String s) {
      out.write(STRING);
      writeString(out, s);
    } else if (v instanceof Boolean b) {
      out.write(b ? TRUE : FALSE);
    } else if (v instanceof Long l) {
      out.write(LONG);
      out.writeLong(l);
    } else if (v instanceof Double d) {
      out.write(DOUBLE);
      out.writeDouble(d);
    } else if (v instanceof List<?> list) {
      out.write(LIST);
      out.writeInt(list.size());
      for (Object e : list) writeValue(out, e);
    } else if (v instanceof Map<?, ?> map) {
      out.write(MAP);
      out.writeInt(map.size());
      for (Map.Entry<?, ?> e : map.entrySet()) {
        writeString(out, (String) e.getKey());
        writeValue(out, e.getValue());
      }
    } else {
      throw new IllegalArgumentException("not an attribute value: " + v.getClass());
    }
  }

  private static Object readValue(DataInputStream in) throws IOException {
    int tag = in.read();
    switch (tag) {
      case NULL: return null;
      case STRING: return readString(in);
      case TRUE: return Boolean.TRUE;
      case FALSE: return Boolean.FALSE;
      case LONG: return in.readLong();
      case DOUBLE: return in.readDouble();
      case LIST: {
        int n = in.readInt();
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) list.add(readValue(in));
        return list;
      }
      case MAP: {
        int n = in.readInt();
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) map.put(readString(in), readValue(in));
        return map;
      }
      default: throw new IOException("corrupt image table (tag " + tag + ")");
    }
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return new String(b, java.nio.charset.StandardCharsets.UTF_8);
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
