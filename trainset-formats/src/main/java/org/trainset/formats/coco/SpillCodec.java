package org.trainset.formats.coco;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.trainset.core.json.JsonValues;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Box;
import org.trainset.core.model.Caption;
import org.trainset.core.model.Mask;
import org.trainset.core.model.Points;
import org.trainset.core.model.Polygon;
import org.trainset.core.model.Tag;

/**
 * A compact binary form of the annotations the COCO reader makes, for spilling to bucket files.
 * Binary because the spilled annotations are read back once each: decoding doubles is far
 * cheaper than parsing JSON a second time. Attributes (rare, free-form) travel as JSON text.
 */
final class SpillCodec {
  private static final byte BOX = 1, POLYGON = 2, POINTS = 3, MASK = 4, CAPTION = 5, TAG = 6;
  private final JsonFactory json = new JsonFactory();
  private final ObjectMapper mapper = new ObjectMapper();

  void write(Out out, Annotation a) throws IOException {
    if (a instanceof Box b) {
      out.put(BOX);
      meta(out, b.meta());
      out.putDouble(b.x());
      out.putDouble(b.y());
      out.putDouble(b.width());
      out.putDouble(b.height());
      out.putDouble(b.rotation());
    } else if (a instanceof Polygon p) {
      out.put(POLYGON);
      meta(out, p.meta());
      doubles(out, p.points());
    } else if (a instanceof Points p) {
      out.put(POINTS);
      meta(out, p.meta());
      doubles(out, p.points());
      for (int v : p.visibility()) out.put(v);
    } else if (a instanceof Mask m) {
      out.put(MASK);
      meta(out, m.meta());
      out.putInt(m.left());
      out.putInt(m.top());
      out.putInt(m.width());
      out.putInt(m.height());
      int[] runs = m.runs();
      out.putInt(runs.length);
      for (int r : runs) out.putInt(r);
    } else if (a instanceof Caption c) {
      out.put(CAPTION);
      meta(out, c.meta());
      string(out, c.text());
    } else if (a instanceof Tag t) {
      out.put(TAG);
      meta(out, t.meta());
    } else {
      throw new IllegalArgumentException("the COCO reader does not make " + a.type().key());
    }
  }

  Annotation read(ByteBuffer in) throws IOException {
    byte kind = in.get();
    AnnotationMeta meta = meta(in);
    return switch (kind) {
      case BOX -> new Box(meta, in.getDouble(), in.getDouble(), in.getDouble(), in.getDouble(), in.getDouble());
      case POLYGON -> new Polygon(meta, doubles(in));
      case POINTS -> {
        double[] pts = doubles(in);
        int[] vis = new int[pts.length / 2];
        for (int i = 0; i < vis.length; i++) vis[i] = in.get();
        yield new Points(meta, pts, vis);
      }
      case MASK -> {
        int left = in.getInt(), top = in.getInt(), w = in.getInt(), h = in.getInt();
        int[] runs = new int[in.getInt()];
        in.asIntBuffer().get(runs);
        in.position(in.position() + 4 * runs.length);
        yield new Mask(meta, left, top, w, h, runs);
      }
      case CAPTION -> new Caption(meta, string(in));
      case TAG -> new Tag(meta);
      default -> throw new IOException("corrupt spill file (kind " + kind + ")");
    };
  }

  private void meta(Out out, AnnotationMeta m) throws IOException {
    nullableString(out, m.id());
    string(out, m.label());
    if (m.attributes().isEmpty()) {
      out.putInt(0);
    } else {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      try (JsonGenerator g = json.createGenerator(buf)) {
        JsonValues.writeMap(g, m.attributes());
      }
      out.putInt(buf.size());
      out.put(buf.toByteArray());
    }
    out.putInt(m.group() == null ? Integer.MIN_VALUE : m.group());
    out.putBoolean(m.group() != null);
    out.putInt(m.zOrder());
    out.putBoolean(m.occluded());
    nullableString(out, m.source());
  }

  private AnnotationMeta meta(ByteBuffer in) throws IOException {
    String id = nullableString(in);
    String label = string(in);
    int attrLen = in.getInt();
    Map<String, Object> attrs = Map.of();
    if (attrLen > 0) {
      byte[] b = new byte[attrLen];
      in.get(b);
      attrs = JsonValues.toMap(mapper.readTree(b));
    }
    int group = in.getInt();
    boolean hasGroup = (in.get() != 0);
    int z = in.getInt();
    boolean occluded = (in.get() != 0);
    String source = nullableString(in);
    return new AnnotationMeta(id, label, attrs, hasGroup ? group : null, z, occluded, source);
  }

  private static void doubles(Out out, double[] v) throws IOException {
    out.putInt(v.length);
    out.putDoubles(v);
  }

  private static double[] doubles(ByteBuffer in) throws IOException {
    double[] v = new double[in.getInt()];
    in.asDoubleBuffer().get(v);
    in.position(in.position() + 8 * v.length);
    return v;
  }

  static void string(Out out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.putInt(b.length);
    out.put(b);
  }

  static String string(ByteBuffer in) throws IOException {
    byte[] b = new byte[in.getInt()];
    in.get(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  static void nullableString(Out out, String s) throws IOException {
    out.putBoolean(s != null);
    if (s != null) string(out, s);
  }

  static String nullableString(ByteBuffer in) throws IOException {
    return (in.get() != 0) ? string(in) : null;
  }

  /** A growable big-endian buffer annotations are encoded into before a bulk write. */
  static final class Out {
    private ByteBuffer bb = ByteBuffer.allocate(1 << 12);

    private ByteBuffer room(int n) {
      if (bb.remaining() < n) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(bb.capacity() * 2, bb.position() + n));
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
