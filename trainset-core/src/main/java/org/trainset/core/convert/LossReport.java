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
 * What a conversion dropped, changed or approximated, as structured entries with counts: the
 * {@link Kind}, the annotation type concerned (null for item, media or schema data), the field or
 * part ({@code attribute 'color'}, {@code rotation}, {@code subset}), how or why, how often, and
 * the id of the first item it happened on. Messages are rendered from those fields
 * ({@link Entry#message()}); writers never add free text. In strict mode the first loss throws
 * {@link StrictLossException} and the conversion writes nothing.
 */
public final class LossReport {
  /** What happened to the data. */
  public enum Kind {
    /** Left out of the output. */
    DROPPED,
    /** Kept, in another form or place (renamed, moved, re-encoded as text). */
    CHANGED,
    /** Kept as a coarser shape or value that loses precision (polygon → box, rotation ignored). */
    APPROXIMATED;

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
   * @param detail         how or why ({@code -> bounding box}), or null
   * @param exampleItem    the id of the first item it happened on, or null when not known
   */
  public record Entry(Kind kind, AnnotationType annotationType, String field, String detail, long count,
                      String exampleItem) implements java.io.Serializable {
    public Entry(Kind kind, AnnotationType annotationType, String field, String detail, long count) {
      this(kind, annotationType, field, detail, count, null);
    }

    /** What is concerned: {@code field on type (detail)}, e.g. {@code attribute 'color' on box}. */
    public String describe() {
      String type = annotationType == null ? null : annotationType.key().replace('_', ' ');
      String what = field == null ? type : type == null ? field : field + " on " + type;
      if (what == null) what = "data";
      return detail == null ? what : what + " (" + detail + ")";
    }

    /** The sentence for people: {@code dropped 3 × polygon (YOLO detect holds boxes), e.g. item 'a'}. */
    public String message() {
      String s = kind.key() + " " + count + " × " + describe();
      return exampleItem == null ? s : s + ", e.g. item '" + exampleItem + "'";
    }

    /** {@code {"kind", "annotationType"?, "field"?, "detail"?, "count", "exampleItem"?, "message"}}. */
    public ObjectNode toJson() {
      ObjectNode n = ResultJson.object().put("kind", kind.key());
      if (annotationType != null) n.put("annotationType", annotationType.key());
      if (field != null) n.put("field", field);
      if (detail != null) n.put("detail", detail);
      n.put("count", count);
      if (exampleItem != null) n.put("exampleItem", exampleItem);
      return n.put("message", message());
    }
  }

  private record Key(Kind kind, AnnotationType annotationType, String field, String detail) {}

  private static final class Tally {
    long count;
    String example;
  }

  private final boolean strict;
  private final Map<Key, Tally> counts = new LinkedHashMap<>();
  private String currentItem;

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

  /**
   * The id of the item being written, kept as the example of losses recorded from now on (the
   * conversion loop sets it before each item; null clears it).
   */
  public synchronized void atItem(String itemId) {
    currentItem = itemId;
  }

  /** Something was left out: an annotation of {@code type} (field null), or one field of it. */
  public void dropped(AnnotationType type, String field, String detail) {
    record(new Key(Kind.DROPPED, type, field, detail), 1);
  }

  /** Something was kept in another form or place, described by {@code detail}. */
  public void changed(AnnotationType type, String field, String detail) {
    record(new Key(Kind.CHANGED, type, field, detail), 1);
  }

  /** Something was kept as a coarser shape or value, described by {@code detail}. */
  public void approximated(AnnotationType type, String field, String detail) {
    record(new Key(Kind.APPROXIMATED, type, field, detail), 1);
  }

  /** Records {@code e}'s kind, type, field and detail {@code e.count()} times (a nested writer's report). */
  public void record(Entry e) {
    record(new Key(e.kind(), e.annotationType(), e.field(), e.detail()), e.count(), e.exampleItem());
  }

  private void record(Key key, long n) {
    record(key, n, null);
  }

  private synchronized void record(Key key, long n, String example) {
    if (strict) {
      Entry e = new Entry(key.kind(), key.annotationType(), key.field(), key.detail(), 1);
      String verb = switch (key.kind()) {
        case DROPPED -> "cannot hold ";
        case CHANGED -> "would change ";
        case APPROXIMATED -> "would approximate ";
      };
      String at = example != null ? example : currentItem;
      throw new StrictLossException(verb + e.describe() + (at == null ? "" : " (item '" + at + "')"));
    }
    Tally t = counts.computeIfAbsent(key, k -> new Tally());
    t.count += n;
    if (t.example == null) t.example = example != null ? example : currentItem;
  }

  /**
   * Adds entries another report gathered (a partition's, in a partitioned conversion), keeping
   * first-seen order; the result equals one report that saw all the losses in that order.
   */
  public synchronized void add(List<Entry> more) {
    for (Entry e : more) {
      Tally t = counts.computeIfAbsent(new Key(e.kind(), e.annotationType(), e.field(), e.detail()), k -> new Tally());
      t.count += e.count();
      if (t.example == null) t.example = e.exampleItem();
    }
  }

  /** Every entry, in the order first seen. */
  public synchronized List<Entry> entries() {
    List<Entry> out = new ArrayList<>();
    counts.forEach((k, t) -> out.add(new Entry(k.kind(), k.annotationType(), k.field(), k.detail(), t.count, t.example)));
    return out;
  }

  /** Dropped counts by {@link Entry#describe()}. */
  public Map<String, Long> droppedCounts() {
    return countsOf(Kind.DROPPED);
  }

  /** Changed and approximated counts by {@link Entry#describe()}. */
  public Map<String, Long> changedCounts() {
    Map<String, Long> out = new TreeMap<>(countsOf(Kind.CHANGED));
    countsOf(Kind.APPROXIMATED).forEach((k, v) -> out.merge(k, v, Long::sum));
    return java.util.Collections.unmodifiableMap(out);
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

  /** Human-readable lines, one per entry ({@link Entry#message()}): dropped, then changed, then approximated. */
  public String describe() {
    if (isLossless()) return "nothing dropped or changed";
    StringBuilder sb = new StringBuilder();
    for (Kind kind : Kind.values()) {
      entries().stream().filter(e -> e.kind() == kind)
          .sorted(java.util.Comparator.comparing(Entry::describe))
          .forEach(e -> sb.append(e.message()).append('\n'));
    }
    return sb.toString().stripTrailing();
  }
}
