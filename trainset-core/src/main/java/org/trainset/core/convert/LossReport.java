package org.trainset.core.convert;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a conversion dropped or changed, with counts. Writers call {@link #dropped} and
 * {@link #changed} for every piece of data their format cannot hold; in strict mode the first
 * call throws {@link StrictLossException} and the conversion writes nothing.
 */
public final class LossReport {
  private final boolean strict;
  private final Map<String, Long> dropped = new TreeMap<>();
  private final Map<String, Long> changed = new TreeMap<>();

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

  /** Something was left out, e.g. {@code "attribute 'color' on box"} or {@code "track (box)"}. */
  public synchronized void dropped(String what) {
    if (strict) throw new StrictLossException("cannot hold " + what);
    dropped.merge(what, 1L, Long::sum);
  }

  /** Something was kept in another form, e.g. {@code "polygon -> bounding box"}. */
  public synchronized void changed(String what) {
    if (strict) throw new StrictLossException("would change " + what);
    changed.merge(what, 1L, Long::sum);
  }

  public synchronized Map<String, Long> droppedCounts() {
    return Map.copyOf(dropped);
  }

  public synchronized Map<String, Long> changedCounts() {
    return Map.copyOf(changed);
  }

  public synchronized boolean isLossless() {
    return dropped.isEmpty() && changed.isEmpty();
  }

  /** Human-readable lines, one per kind of loss. */
  public synchronized String describe() {
    if (isLossless()) return "nothing dropped or changed";
    StringBuilder sb = new StringBuilder();
    dropped.forEach((k, v) -> sb.append("dropped ").append(v).append(" × ").append(k).append('\n'));
    changed.forEach((k, v) -> sb.append("changed ").append(v).append(" × ").append(k).append('\n'));
    return sb.toString().stripTrailing();
  }
}
