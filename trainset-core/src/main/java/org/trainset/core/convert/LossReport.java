package org.trainset.core.convert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trainset.core.json.ResultJson;
import org.trainset.core.model.AnnotationType;

/**
 * What a conversion dropped or changed, as structured entries with counts: the kind of loss, the
 * annotation type it concerns (null for item, media or schema data), the field or part lost
 * ({@code attribute 'color'}, {@code rotation}, {@code subset}), and how or why. Writers call
 * {@link #dropped(AnnotationType, String, String)} and {@link #changed(AnnotationType, String, String)}
 * for every piece of data their format cannot hold; in strict mode the first call throws
 * {@link StrictLossException} and the conversion writes nothing.
 */
public final class LossReport {
  /** Whether the data was left out or kept in another form. */
  public enum Kind {
    DROPPED, CHANGED;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One kind of loss and how often it happened.
   *
   * @param annotationType the annotation type concerned, or null for item, media or schema data
   * @param field          the part lost or changed ({@code attribute 'color'}, {@code rotation}), or
   *                       null when the whole annotation is meant
   * @param detail         how or why ({@code polygon -> bounding box}), or null
   */
  public record Entry(Kind kind, AnnotationType annotationType, String field, String detail, long count)
      implements java.io.Serializable {
    /** Text for people: {@code field on type (detail)}, e.g. {@code attribute 'color' on box}. */
    public String describe() {
      String type = annotationType == null ? null : annotationType.key().replace('_', ' ');
      String what = field == null ? type : type == null ? field : field + " on " + type;
      if (what == null) what = "data";
      return detail == null ? what : what + " (" + detail + ")";
    }

    /** {@code {"kind", "annotationType"?, "field"?, "detail"?, "count"}}. */
    public ObjectNode toJson() {
      ObjectNode n = ResultJson.object().put("kind", kind.key());
      if (annotationType != null) n.put("annotationType", annotationType.key());
      if (field != null) n.put("field", field);
      if (detail != null) n.put("detail", detail);
      return n.put("count", count);
    }
  }

  private record Key(Kind kind, AnnotationType annotationType, String field, String detail) {}

  private final boolean strict;
  private final Map<Key, Long> counts = new LinkedHashMap<>();

  public LossReport(boolean strict) {
    this.strict = strict;
  }

  public static LossReport lenient() {
    return new LossReport(false);
  }

  public static LossReport strict() {
    return new LossReport(true);
  }

  public boolean isStrict() {
    return strict;
  }

  /** Something was left out: an annotation of {@code type} (field null), or one field of it. */
  public void dropped(AnnotationType type, String field, String detail) {
    record(new Key(Kind.DROPPED, type, field, detail));
  }

  /** Something was kept in another form, described by {@code detail}. */
  public void changed(AnnotationType type, String field, String detail) {
    record(new Key(Kind.CHANGED, type, field, detail));
  }

  /**
   * Item, media or schema data left out, named in words.
   *
   * @deprecated give the annotation type and field: {@link #dropped(AnnotationType, String, String)}
   */
  @Deprecated
  public void dropped(String what) {
    dropped(null, what, null);
  }

  /**
   * Item, media or schema data kept in another form, named in words.
   *
   * @deprecated give the annotation type and field: {@link #changed(AnnotationType, String, String)}
   */
  @Deprecated
  public void changed(String what) {
    changed(null, what, null);
  }

  private synchronized void record(Key key) {
    if (strict) {
      Entry e = new Entry(key.kind(), key.annotationType(), key.field(), key.detail(), 1);
      throw new StrictLossException((key.kind() == Kind.DROPPED ? "cannot hold " : "would change ") + e.describe());
    }
    counts.merge(key, 1L, Long::sum);
  }

  /**
   * Adds entries another report gathered (a partition's, in a partitioned conversion), keeping
   * first-seen order; the result equals one report that saw all the losses in that order.
   */
  public synchronized void add(List<Entry> more) {
    for (Entry e : more) counts.merge(new Key(e.kind(), e.annotationType(), e.field(), e.detail()), e.count(), Long::sum);
  }

  /** Every entry, in the order first seen. */
  public synchronized List<Entry> entries() {
    List<Entry> out = new ArrayList<>();
    counts.forEach((k, n) -> out.add(new Entry(k.kind(), k.annotationType(), k.field(), k.detail(), n)));
    return out;
  }

  /** Dropped counts by {@link Entry#describe()}. */
  public Map<String, Long> droppedCounts() {
    return countsOf(Kind.DROPPED);
  }

  /** Changed counts by {@link Entry#describe()}. */
  public Map<String, Long> changedCounts() {
    return countsOf(Kind.CHANGED);
  }

  private Map<String, Long> countsOf(Kind kind) {
    Map<String, Long> out = new TreeMap<>();
    for (Entry e : entries()) if (e.kind() == kind) out.merge(e.describe(), e.count(), Long::sum);
    return java.util.Collections.unmodifiableMap(out);
  }

  public synchronized boolean isLossless() {
    return counts.isEmpty();
  }

  /** The entries as a JSON array. */
  public ArrayNode toJson() {
    ArrayNode arr = ResultJson.array();
    entries().forEach(e -> arr.add(e.toJson()));
    return arr;
  }

  /** Human-readable lines, one per kind of loss (dropped first, each sorted). */
  public String describe() {
    if (isLossless()) return "nothing dropped or changed";
    StringBuilder sb = new StringBuilder();
    droppedCounts().forEach((k, v) -> sb.append("dropped ").append(v).append(" × ").append(k).append('\n'));
    changedCounts().forEach((k, v) -> sb.append("changed ").append(v).append(" × ").append(k).append('\n'));
    return sb.toString().stripTrailing();
  }
}
