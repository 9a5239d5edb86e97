package org.trainset.formats.coco;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trainset.core.json.JsonValues;

/**
 * A compact binary form of checked COCO annotations ({@link RawAnnotation} plus its label and
 * where it was read), for spilling to bucket files. Spilling the raw fields instead of model
 * objects means the streaming pass allocates almost nothing per annotation; model objects are
 * built once, when the item is emitted. Rare JSON parts (RLE, attributes, unknown keys) travel
 * as JSON text.
 */
final class SpillCodec {
  /** One spilled annotation: its fields, label, and file (index in the part) and line for errors. */
  record Record(RawAnnotation raw, String label, int file, long line) {}

  private static final int CROWD = 1, BBOX = 2, KEYPOINTS = 4, CAPTION = 8, RLE = 16, ATTRIBUTES = 32, EXTRAS = 64;
  private final ObjectMapper mapper;
  /**
   * Labels are few: each is spilled as its number here, so reading a record back neither decodes
   * a string nor makes a new one per annotation. Lanes spill from several threads.
   */
  private final java.util.concurrent.ConcurrentHashMap<String, Integer> labelNumbers = new java.util.concurrent.ConcurrentHashMap<>();
  private final List<String> labels = new ArrayList<>();

  SpillCodec(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  private int labelNumber(String label) {
    Integer n = labelNumbers.get(label);
    if (n != null) return n;
    synchronized (labels) {
      return labelNumbers.computeIfAbsent(label, l -> {
        labels.add(l);
        return labels.size() - 1;
      });
    }
  }

  private String label(int number) {
    synchronized (labels) {
      return labels.get(number);
    }
  }

  /** Writes a {@link CocoAnnotations#check checked} annotation. */
  void write(Out out, RawAnnotation a, String label, int file, long line) throws IOException {
    nullableString(out, a.id);
    out.putInt(labelNumber(label));
    out.putInt(file);
    out.putDouble(line);
    int flags = (a.crowd ? CROWD : 0) | (a.bbox != null ? BBOX : 0) | (a.keypoints != null ? KEYPOINTS : 0)
        | (a.caption != null ? CAPTION : 0) | (a.rleCounts != null ? RLE : 0) | (a.attributes != null ? ATTRIBUTES : 0)
        | (a.extras.isEmpty() ? 0 : EXTRAS);
    out.put(flags);
    if (a.bbox != null) doubles(out, a.bbox);
    if (a.keypoints != null) doubles(out, a.keypoints);
    if (a.caption != null) string(out, a.caption);
    if (a.rleCounts != null) {
      out.putInt(a.rleH);
      out.putInt(a.rleW);
      out.putInt(a.rleCounts.length);
      for (int c : a.rleCounts) out.putInt(c);
    }
    if (a.attributes != null) bytes(out, mapper.writeValueAsBytes(a.attributes));
    if (!a.extras.isEmpty()) bytes(out, mapper.writeValueAsBytes(a.extras));
    out.putInt(a.polygons.size());
    for (double[] p : a.polygons) doubles(out, p);
  }

  Record read(ByteBuffer in) throws IOException {
    RawAnnotation a = new RawAnnotation();
    a.id = nullableString(in);
    String label = label(in.getInt());
    int file = in.getInt();
    long line = (long) in.getDouble();
    int flags = in.get();
    a.crowd = (flags & CROWD) != 0;
    if ((flags & BBOX) != 0) a.bbox = doubles(in);
    if ((flags & KEYPOINTS) != 0) a.keypoints = doubles(in);
    if ((flags & CAPTION) != 0) a.caption = string(in);
    if ((flags & RLE) != 0) {
      a.rleH = in.getInt();
      a.rleW = in.getInt();
      a.rleCounts = new int[in.getInt()];
      in.asIntBuffer().get(a.rleCounts);
      in.position(in.position() + 4 * a.rleCounts.length);
    }
    a.checked = true;
    if ((flags & ATTRIBUTES) != 0) a.attributes = mapper.readTree(bytes(in));
    if ((flags & EXTRAS) != 0) {
      Map<String, Object> extras = JsonValues.toMap(mapper.readTree(bytes(in)));
      a.extras = extras;
    }
    int n = in.getInt();
    if (n > 0) {
      List<double[]> polys = new ArrayList<>(n);
      for (int i = 0; i < n; i++) polys.add(doubles(in));
      a.polygons = polys;
    }
    return new Record(a, label, file, line);
  }

  private static void doubles(Out out, double[] v) {
    out.putInt(v.length);
    out.putDoubles(v);
  }

  private static double[] doubles(ByteBuffer in) {
    double[] v = new double[in.getInt()];
    in.asDoubleBuffer().get(v);
    in.position(in.position() + 8 * v.length);
    return v;
  }

  private static void bytes(Out out, byte[] b) {
    out.putInt(b.length);
    out.put(b);
  }

  private static byte[] bytes(ByteBuffer in) {
    byte[] b = new byte[in.getInt()];
    in.get(b);
    return b;
  }

  static void string(Out out, String s) {
    bytes(out, s.getBytes(StandardCharsets.UTF_8));
  }

  static String string(ByteBuffer in) {
    return new String(bytes(in), StandardCharsets.UTF_8);
  }

  static void nullableString(Out out, String s) {
    out.putBoolean(s != null);
    if (s != null) string(out, s);
  }

  static String nullableString(ByteBuffer in) {
    return in.get() != 0 ? string(in) : null;
  }

  /**
   * The spill files' byte order: they live only as long as the read, so the machine's own order,
   * which lets double arrays be copied without swapping bytes.
   */
  static final java.nio.ByteOrder ORDER = java.nio.ByteOrder.nativeOrder();

  /** A growable buffer (in {@link #ORDER}) annotations are encoded into before a bulk write. */
  static final class Out {
    private ByteBuffer bb = ByteBuffer.allocate(1 << 12).order(ORDER);

    private ByteBuffer room(int n) {
      if (bb.remaining() < n) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(bb.capacity() * 2, bb.position() + n)).order(ORDER);
        bb.flip();
        bigger.put(bb);
        bb = bigger;
      }
      return bb;
    }

    void put(int b) { room(1).put((byte) b); }
    void put(byte[] b) { room(b.length).put(b); }
    void putBoolean(boolean b) { room(1).put((byte) (b ? 1 : 0)); }
    void putInt(int v) { room(4).putInt(v); }
    void putDouble(double v) { room(8).putDouble(v); }

    void putDoubles(double[] v) {
      ByteBuffer b = room(8 * v.length);
      b.asDoubleBuffer().put(v);
      b.position(b.position() + 8 * v.length);
    }

    byte[] array() { return bb.array(); }
    int size() { return bb.position(); }
    void reset() { bb.clear(); }
  }
}
