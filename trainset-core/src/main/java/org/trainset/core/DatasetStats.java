package org.trainset.core;

import java.util.Map;
import java.util.TreeMap;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;

/**
 * Counts over a stream of items: items, annotations by type, label and subset, media by kind.
 * Mergeable and serialisable: partitions (threads, Spark tasks) each count their items and the
 * counts are added up, with the same result as one pass.
 */
public final class DatasetStats implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private long items;
  private long annotations;
  private final Map<String, Long> byType = new TreeMap<>();
  private final Map<String, Long> byLabel = new TreeMap<>();
  private final Map<String, Long> bySubset = new TreeMap<>();
  private final Map<String, Long> mediaByKind = new TreeMap<>();

  public void add(Item item) {
    items++;
    bySubset.merge(item.subset() == null ? "" : item.subset(), 1L, Long::sum);
    for (MediaRef m : item.media()) mediaByKind.merge(m.kind().key(), 1L, Long::sum);
    for (Annotation a : item.annotations()) {
      annotations++;
      byType.merge(a.type().key(), 1L, Long::sum);
      byLabel.merge(a.label(), 1L, Long::sum);
    }
  }

  /** Adds what {@code other} counted. */
  public void merge(DatasetStats other) {
    items += other.items;
    annotations += other.annotations;
    other.byType.forEach((k, v) -> byType.merge(k, v, Long::sum));
    other.byLabel.forEach((k, v) -> byLabel.merge(k, v, Long::sum));
    other.bySubset.forEach((k, v) -> bySubset.merge(k, v, Long::sum));
    other.mediaByKind.forEach((k, v) -> mediaByKind.merge(k, v, Long::sum));
  }

  /** Sorted by key so reports read the same every run. */
  private static Map<String, Long> sorted(Map<String, Long> counts) {
    return java.util.Collections.unmodifiableMap(new TreeMap<>(counts));
  }

  public long items() { return items; }
  public long annotations() { return annotations; }
  public Map<String, Long> byType() { return sorted(byType); }
  public Map<String, Long> byLabel() { return sorted(byLabel); }
  public Map<String, Long> bySubset() { return sorted(bySubset); }
  public Map<String, Long> mediaByKind() { return sorted(mediaByKind); }
}
