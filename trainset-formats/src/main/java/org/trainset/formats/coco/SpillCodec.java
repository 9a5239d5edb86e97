package org.trainset.formats.coco;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
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

  void write(DataOutput out, Annotation a) throws IOException {
    if (a instanceof Box b) {
      out.writeByte(BOX);
      meta(out, b.meta());
      out.writeDouble(b.x());
      out.writeDouble(b.y());
      out.writeDouble(b.width());
      out.writeDouble(b.height());
      out.writeDouble(b.rotation());
    } else if (a instanceof Polygon p) {
      out.writeByte(POLYGON);
      meta(out, p.meta());
      doubles(out, p.points());
    } else if (a instanceof Points p) {
      out.writeByte(POINTS);
      meta(out, p.meta());
      doubles(out, p.points());
      for (int v : p.visibility()) out.writeByte(v);
    } else if (a instanceof Mask m) {
      out.writeByte(MASK);
      meta(out, m.meta());
      out.writeInt(m.left());
      out.writeInt(m.top());
      out.writeInt(m.width());
      out.writeInt(m.height());
      int[] runs = m.runs();
      out.writeInt(runs.length);
      for (int r : runs) out.writeInt(r);
    } else if (a instanceof Caption c) {
      out.writeByte(CAPTION);
      meta(out, c.meta());
      string(out, c.text());
    } else if (a instanceof Tag t) {
      out.writeByte(TAG);
      meta(out, t.meta());
    } else {
      throw new IllegalArgumentException("the COCO reader does not make " + a.type().key());
    }
  }

  Annotation read(DataInput in) throws IOException {
    byte kind = in.readByte();
    AnnotationMeta meta = meta(in);
    return switch (kind) {
      case BOX -> new Box(meta, in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
      case POLYGON -> new Polygon(meta, doubles(in));
      case POINTS -> {
        double[] pts = doubles(in);
        int[] vis = new int[pts.length / 2];
        for (int i = 0; i < vis.length; i++) vis[i] = in.readByte();
        yield new Points(meta, pts, vis);
      }
      case MASK -> {
        int left = in.readInt(), top = in.readInt(), w = in.readInt(), h = in.readInt();
        int[] runs = new int[in.readInt()];
        for (int i = 0; i < runs.length; i++) runs[i] = in.readInt();
        yield new Mask(meta, left, top, w, h, runs);
      }
      case CAPTION -> new Caption(meta, string(in));
      case TAG -> new Tag(meta);
      default -> throw new IOException("corrupt spill file (kind " + kind + ")");
    };
  }

  private void meta(DataOutput out, AnnotationMeta m) throws IOException {
    nullableString(out, m.id());
    string(out, m.label());
    if (m.attributes().isEmpty()) {
      out.writeInt(0);
    } else {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      try (JsonGenerator g = json.createGenerator(buf)) {
        JsonValues.writeMap(g, m.attributes());
      }
      out.writeInt(buf.size());
      out.write(buf.toByteArray());
    }
    out.writeInt(m.group() == null ? Integer.MIN_VALUE : m.group());
    out.writeBoolean(m.group() != null);
    out.writeInt(m.zOrder());
    out.writeBoolean(m.occluded());
    nullableString(out, m.source());
  }

  private AnnotationMeta meta(DataInput in) throws IOException {
    String id = nullableString(in);
    String label = string(in);
    int attrLen = in.readInt();
    Map<String, Object> attrs = Map.of();
    if (attrLen > 0) {
      byte[] b = new byte[attrLen];
      in.readFully(b);
      attrs = JsonValues.toMap(mapper.readTree(b));
    }
    int group = in.readInt();
    boolean hasGroup = in.readBoolean();
    int z = in.readInt();
    boolean occluded = in.readBoolean();
    String source = nullableString(in);
    return new AnnotationMeta(id, label, attrs, hasGroup ? group : null, z, occluded, source);
  }

  private static void doubles(DataOutput out, double[] v) throws IOException {
    out.writeInt(v.length);
    for (double d : v) out.writeDouble(d);
  }

  private static double[] doubles(DataInput in) throws IOException {
    double[] v = new double[in.readInt()];
    for (int i = 0; i < v.length; i++) v[i] = in.readDouble();
    return v;
  }

  static void string(DataOutput out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  static String string(DataInput in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  static void nullableString(DataOutput out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) string(out, s);
  }

  static String nullableString(DataInput in) throws IOException {
    return in.readBoolean() ? string(in) : null;
  }
}
