package org.trainset.eval.split;

import java.util.LinkedHashMap;
import java.util.Map;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;

/**
 * Which value of an item to stratify or group by. Syntax:
 * <ul>
 *   <li>{@code label}: the item's majority annotation label (most annotations; a tie goes to the
 *       label that appears first); items without labelled annotations have none</li>
 *   <li>{@code attr:NAME}: an item attribute; {@code attr:a.b} looks inside a nested object</li>
 *   <li>{@code media:NAME}: a field of the primary media's metadata (e.g. a DICOM PatientID)</li>
 *   <li>{@code subset}: the item's current subset</li>
 *   <li>{@code dir}: the item id up to its last {@code /} (the folder a file-based item came from)</li>
 * </ul>
 * A value that is missing is returned as null: for stratification it becomes the class
 * {@code (none)}; for grouping the item is a group of its own.
 */
public final class SplitKey {
  public static final String NONE = "(none)";

  private enum Kind { LABEL, ATTR, MEDIA, SUBSET, DIR }

  private final Kind kind;
  private final String[] path;
  private final String text;

  private SplitKey(Kind kind, String[] path, String text) {
    this.kind = kind;
    this.path = path;
    this.text = text;
  }

  public static SplitKey parse(String spec) {
    String s = spec.strip();
    if (s.equals("label")) return new SplitKey(Kind.LABEL, null, s);
    if (s.equals("subset")) return new SplitKey(Kind.SUBSET, null, s);
    if (s.equals("dir")) return new SplitKey(Kind.DIR, null, s);
    if (s.startsWith("attr:") && s.length() > 5) return new SplitKey(Kind.ATTR, s.substring(5).split("\\."), s);
    if (s.startsWith("media:") && s.length() > 6) return new SplitKey(Kind.MEDIA, s.substring(6).split("\\."), s);
    throw new IllegalArgumentException("unknown key '" + spec + "': use label, subset, dir, attr:NAME or media:NAME");
  }

  @Override public String toString() {
    return text;
  }

  /** The key's value for {@code item}, or null when the item has none. */
  public String valueOf(Item item) {
    return switch (kind) {
      case LABEL -> majorityLabel(item);
      case SUBSET -> item.subset();
      case DIR -> item.id().lastIndexOf('/') > 0 ? item.id().substring(0, item.id().lastIndexOf('/')) : null;
      case ATTR -> lookup(item.attributes());
      case MEDIA -> {
        MediaRef m = item.primaryMedia();
        yield m == null ? null : lookup(m.info());
      }
    };
  }

  private String lookup(Map<String, Object> map) {
    Object v = map;
    for (String p : path) {
      if (!(v instanceof Map<?, ?> m)) return null;
      v = m.get(p);
    }
    if (v == null || v instanceof Map || v instanceof java.util.List) return null;
    if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) return Long.toString(d.longValue());
    return v.toString();
  }

  static String majorityLabel(Item item) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Annotation a : item.annotations()) {
      if (a.label() != null && !a.label().isEmpty()) counts.merge(a.label(), 1, Integer::sum);
    }
    String best = null;
    int bestCount = 0;
    for (var e : counts.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return best;
  }
}
