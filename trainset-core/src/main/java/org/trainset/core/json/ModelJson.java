package org.trainset.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.AnnotationType;
import org.trainset.core.model.AttributeSpec;
import org.trainset.core.model.Box;
import org.trainset.core.model.Caption;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.ItemDocument;
import org.trainset.core.model.LabelDef;
import org.trainset.core.model.Mask;
import org.trainset.core.model.MediaKind;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.Points;
import org.trainset.core.model.Polygon;
import org.trainset.core.model.Polyline;
import org.trainset.core.model.Tag;
import org.trainset.core.model.TextPair;
import org.trainset.core.model.TimeEvent;
import org.trainset.core.model.Track;
import org.trainset.core.model.TrackFrame;

/**
 * The model as JSON: every field of every model type, so that write → read gives an equal
 * object. This is trainset's interchange form (native format, server API, Spark rows).
 * Malformed documents raise {@link IllegalArgumentException} naming the missing or bad field;
 * callers add the file and line.
 */
public final class ModelJson {
  private ModelJson() {}

  // ---- items ---------------------------------------------------------------------------------

  public static void writeItem(JsonGenerator g, Item item) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", item.id());
    if (item.subset() != null) g.writeStringField("subset", item.subset());
    g.writeArrayFieldStart("media");
    for (MediaRef m : item.media()) writeMedia(g, m);
    g.writeEndArray();
    if (!item.attributes().isEmpty()) {
      g.writeFieldName("attributes");
      JsonValues.writeMap(g, item.attributes());
    }
    g.writeArrayFieldStart("annotations");
    for (Annotation a : item.annotations()) writeAnnotation(g, a);
    g.writeEndArray();
    if (!item.documents().isEmpty()) {
      g.writeArrayFieldStart("documents");
      for (ItemDocument d : item.documents()) writeDocument(g, d);
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  public static Item readItem(JsonNode n) {
    String id = text(n, "id", true);
    List<MediaRef> media = new ArrayList<>();
    for (JsonNode m : n.path("media")) media.add(readMedia(m));
    List<Annotation> anns = new ArrayList<>();
    int i = 0;
    for (JsonNode a : n.path("annotations")) {
      try {
        anns.add(readAnnotation(a));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("annotation " + i + ": " + e.getMessage(), e);
      }
      i++;
    }
    List<ItemDocument> docs = new ArrayList<>();
    i = 0;
    for (JsonNode d : n.path("documents")) {
      try {
        docs.add(readDocument(d));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("documents[" + i + "]: " + e.getMessage(), e);
      }
      i++;
    }
    return new Item(id, text(n, "subset", false), media, JsonValues.toMap(n.get("attributes")), anns, docs);
  }

  /** {@code {"name", "mediaType", "role", "path"?, "text"?, "info"?}}. */
  public static void writeDocument(JsonGenerator g, ItemDocument d) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", d.name());
    g.writeStringField("mediaType", d.mediaType());
    g.writeStringField("role", d.role());
    if (d.path() != null) g.writeStringField("path", d.path());
    if (d.text() != null) g.writeStringField("text", d.text());
    if (!d.info().isEmpty()) {
      g.writeFieldName("info");
      JsonValues.writeMap(g, d.info());
    }
    g.writeEndObject();
  }

  public static ItemDocument readDocument(JsonNode d) {
    String text = text(d, "text", false);
    if (text != null && text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > ItemDocument.MAX_INLINE_BYTES) {
      throw new IllegalArgumentException("text: longer than the inline limit of " + ItemDocument.MAX_INLINE_BYTES + " bytes");
    }
    return new ItemDocument(text(d, "name", true), text(d, "mediaType", true), text(d, "role", true),
        text(d, "path", false), text, JsonValues.toMap(d.get("info")));
  }

  private static void writeMedia(JsonGenerator g, MediaRef m) throws IOException {
    g.writeStartObject();
    g.writeStringField("kind", m.kind().key());
    g.writeStringField("path", m.path());
    if (m.width() != null) g.writeNumberField("width", m.width());
    if (m.height() != null) g.writeNumberField("height", m.height());
    if (!m.info().isEmpty()) {
      g.writeFieldName("info");
      JsonValues.writeMap(g, m.info());
    }
    g.writeEndObject();
  }

  private static MediaRef readMedia(JsonNode m) {
    return new MediaRef(MediaKind.fromKey(text(m, "kind", true)), text(m, "path", true),
        intOrNull(m, "width"), intOrNull(m, "height"), JsonValues.toMap(m.get("info")));
  }

  // ---- annotations ---------------------------------------------------------------------------

  public static void writeAnnotation(JsonGenerator g, Annotation a) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", a.type().key());
    writeMeta(g, a.meta());
    if (a instanceof Box b) {
      g.writeNumberField("x", b.x());
      g.writeNumberField("y", b.y());
      g.writeNumberField("w", b.width());
      g.writeNumberField("h", b.height());
      if (b.rotation() != 0) g.writeNumberField("rotation", b.rotation());
    } else if (a instanceof Polygon p) {
      writeDoubles(g, "points", p.points());
    } else if (a instanceof Polyline p) {
      writeDoubles(g, "points", p.points());
    } else if (a instanceof Points p) {
      writeDoubles(g, "points", p.points());
      g.writeArrayFieldStart("visibility");
      for (int v : p.visibility()) g.writeNumber(v);
      g.writeEndArray();
    } else if (a instanceof Mask m) {
      g.writeNumberField("left", m.left());
      g.writeNumberField("top", m.top());
      g.writeNumberField("width", m.width());
      g.writeNumberField("height", m.height());
      g.writeArrayFieldStart("runs");
      for (int r : m.runs()) g.writeNumber(r);
      g.writeEndArray();
    } else if (a instanceof Caption c) {
      g.writeStringField("text", c.text());
    } else if (a instanceof TextPair t) {
      g.writeStringField("sourceText", t.source());
      g.writeStringField("targetText", t.target());
      if (t.sourceLanguage() != null) g.writeStringField("sourceLanguage", t.sourceLanguage());
      if (t.targetLanguage() != null) g.writeStringField("targetLanguage", t.targetLanguage());
    } else if (a instanceof TimeEvent e) {
      g.writeNumberField("start", e.start());
      g.writeNumberField("end", e.end());
    } else if (a instanceof Track t) {
      g.writeArrayFieldStart("frames");
      for (TrackFrame f : t.frames()) {
        g.writeStartObject();
        g.writeNumberField("frame", f.frame());
        g.writeBooleanField("outside", f.outside());
        g.writeBooleanField("keyframe", f.keyframe());
        g.writeFieldName("shape");
        writeAnnotation(g, f.shape());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  public static Annotation readAnnotation(JsonNode n) {
    String typeKey = text(n, "type", true);
    AnnotationType type;
    try {
      type = AnnotationType.fromKey(typeKey);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown annotation type '" + typeKey + "'");
    }
    AnnotationMeta meta = readMeta(n);
    return switch (type) {
      case TAG -> new Tag(meta);
      case BOX -> new Box(meta, num(n, "x"), num(n, "y"), num(n, "w"), num(n, "h"),
          n.path("rotation").asDouble(0));
      case POLYGON -> new Polygon(meta, doubles(n, "points"));
      case POLYLINE -> new Polyline(meta, doubles(n, "points"));
      case POINTS -> new Points(meta, doubles(n, "points"), ints(n, "visibility"));
      case MASK -> new Mask(meta, (int) num(n, "left"), (int) num(n, "top"), (int) num(n, "width"),
          (int) num(n, "height"), ints(n, "runs"));
      case CAPTION -> new Caption(meta, text(n, "text", true));
      case TEXT_PAIR -> new TextPair(meta, text(n, "sourceText", true), text(n, "targetText", true),
          text(n, "sourceLanguage", false), text(n, "targetLanguage", false));
      case TIME_EVENT -> new TimeEvent(meta, num(n, "start"), num(n, "end"));
      case TRACK -> {
        List<TrackFrame> frames = new ArrayList<>();
        for (JsonNode f : n.path("frames")) {
          frames.add(new TrackFrame((int) num(f, "frame"), readAnnotation(f.path("shape")),
              f.path("outside").asBoolean(false), f.path("keyframe").asBoolean(true)));
        }
        yield new Track(meta, frames);
      }
    };
  }

  private static void writeMeta(JsonGenerator g, AnnotationMeta m) throws IOException {
    if (m.id() != null) g.writeStringField("id", m.id());
    g.writeStringField("label", m.label());
    if (!m.attributes().isEmpty()) {
      g.writeFieldName("attributes");
      JsonValues.writeMap(g, m.attributes());
    }
    if (m.group() != null) g.writeNumberField("group", m.group());
    if (m.zOrder() != 0) g.writeNumberField("z", m.zOrder());
    if (m.occluded()) g.writeBooleanField("occluded", true);
    if (m.source() != null) g.writeStringField("source", m.source());
  }

  private static AnnotationMeta readMeta(JsonNode n) {
    return new AnnotationMeta(text(n, "id", false), text(n, "label", true),
        JsonValues.toMap(n.get("attributes")), intOrNull(n, "group"), n.path("z").asInt(0),
        n.path("occluded").asBoolean(false), text(n, "source", false));
  }

  // ---- schema --------------------------------------------------------------------------------

  public static void writeSchema(JsonGenerator g, DatasetSchema s) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", s.name());
    g.writeFieldName("metadata");
    JsonValues.writeMap(g, s.metadata());
    g.writeArrayFieldStart("subsets");
    for (String sub : s.subsets()) g.writeString(sub);
    g.writeEndArray();
    g.writeArrayFieldStart("labels");
    for (LabelDef l : s.labels()) writeLabel(g, l);
    g.writeEndArray();
    g.writeEndObject();
  }

  public static DatasetSchema readSchema(JsonNode n) {
    List<String> subsets = new ArrayList<>();
    for (JsonNode s : n.path("subsets")) subsets.add(s.asText());
    List<LabelDef> labels = new ArrayList<>();
    for (JsonNode l : n.path("labels")) labels.add(readLabel(l));
    return new DatasetSchema(text(n, "name", false), JsonValues.toMap(n.get("metadata")), labels, subsets);
  }

  private static void writeLabel(JsonGenerator g, LabelDef l) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", l.name());
    if (l.id() != null) g.writeNumberField("id", l.id());
    if (l.parent() != null) g.writeStringField("parent", l.parent());
    if (l.color() != null) g.writeStringField("color", l.color());
    if (l.type() != null) g.writeStringField("type", l.type());
    if (!l.attributes().isEmpty()) {
      g.writeArrayFieldStart("attributes");
      for (AttributeSpec a : l.attributes()) {
        g.writeStartObject();
        g.writeStringField("name", a.name());
        g.writeStringField("inputType", a.inputType());
        g.writeArrayFieldStart("values");
        for (String v : a.values()) g.writeString(v);
        g.writeEndArray();
        if (a.defaultValue() != null) g.writeStringField("default", a.defaultValue());
        if (a.mutable()) g.writeBooleanField("mutable", true);
        if (a.automatic()) g.writeStringField("auto", a.auto());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    if (!l.keypoints().isEmpty()) {
      g.writeArrayFieldStart("keypoints");
      for (String k : l.keypoints()) g.writeString(k);
      g.writeEndArray();
    }
    if (!l.skeleton().isEmpty()) {
      g.writeArrayFieldStart("skeleton");
      for (int[] e : l.skeleton()) {
        g.writeStartArray();
        for (int v : e) g.writeNumber(v);
        g.writeEndArray();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static LabelDef readLabel(JsonNode n) {
    List<AttributeSpec> attrs = new ArrayList<>();
    for (JsonNode a : n.path("attributes")) {
      List<String> values = new ArrayList<>();
      for (JsonNode v : a.path("values")) values.add(v.asText());
      attrs.add(new AttributeSpec(text(a, "name", true), text(a, "inputType", false), values,
          text(a, "default", false), a.path("mutable").asBoolean(false), autoSource(a)));
    }
    List<String> kps = new ArrayList<>();
    for (JsonNode k : n.path("keypoints")) kps.add(k.asText());
    List<int[]> edges = new ArrayList<>();
    for (JsonNode e : n.path("skeleton")) {
      int[] edge = new int[e.size()];
      for (int i = 0; i < edge.length; i++) edge[i] = e.get(i).asInt();
      edges.add(edge);
    }
    return new LabelDef(text(n, "name", true), intOrNull(n, "id"), text(n, "parent", false),
        text(n, "color", false), text(n, "type", false), attrs, kps, edges);
  }

  /** The attribute's {@code auto} source, checked against the sources that can be filled. */
  private static String autoSource(JsonNode a) {
    String auto = text(a, "auto", false);
    if (auto != null && !org.trainset.core.media.AutomaticAttributes.isKnownSource(auto)) {
      throw new IllegalArgumentException("attribute '" + a.path("name").asText() + "': auto source '" + auto
          + "' is not one of " + org.trainset.core.media.AutomaticAttributes.SOURCES_HELP);
    }
    return auto;
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static String text(JsonNode n, String field, boolean required) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (required) throw new IllegalArgumentException("missing field '" + field + "'");
      return null;
    }
    if (!v.isValueNode()) throw new IllegalArgumentException("field '" + field + "' must be a string");
    return v.asText();
  }

  private static double num(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isNumber()) throw new IllegalArgumentException("field '" + field + "' must be a number");
    return v.doubleValue();
  }

  private static Integer intOrNull(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) return null;
    if (!v.isIntegralNumber()) throw new IllegalArgumentException("field '" + field + "' must be an integer");
    return v.intValue();
  }

  private static void writeDoubles(JsonGenerator g, String field, double[] values) throws IOException {
    g.writeArrayFieldStart(field);
    for (double d : values) g.writeNumber(d);
    g.writeEndArray();
  }

  private static double[] doubles(JsonNode n, String field) {
    JsonNode arr = n.get(field);
    if (arr == null || !arr.isArray()) throw new IllegalArgumentException("field '" + field + "' must be an array");
    double[] out = new double[arr.size()];
    for (int i = 0; i < out.length; i++) {
      if (!arr.get(i).isNumber()) throw new IllegalArgumentException(field + "[" + i + "] must be a number");
      out[i] = arr.get(i).doubleValue();
    }
    return out;
  }

  private static int[] ints(JsonNode n, String field) {
    JsonNode arr = n.get(field);
    if (arr == null || !arr.isArray()) throw new IllegalArgumentException("field '" + field + "' must be an array");
    int[] out = new int[arr.size()];
    for (int i = 0; i < out.length; i++) out[i] = arr.get(i).asInt();
    return out;
  }

}
