package org.trainset.core.convert;

import java.util.HashSet;
import java.util.Set;

/**
 * Numeric ids a writer hands out (COCO image and annotation ids, CVAT image ids). The source's
 * own id is kept when it is a free non-negative integer; otherwise the next free number is used
 * and the change goes on the loss report. Sources whose ids are unique per part but not per
 * dataset (a folder per XML file, each counting from 0) therefore still give unique ids. Memory:
 * one entry per id handed out, like the image table any such format needs.
 */
public final class UniqueIds {
  private final Set<Long> used = new HashSet<>();
  private final LossReport loss;
  private final String what;
  private long next;

  /**
   * @param first the first number handed out when a source id cannot be kept (COCO 1, CVAT 0)
   * @param what  what the ids are, for the loss report ({@code "image"}, {@code "annotation"})
   */
  public UniqueIds(long first, LossReport loss, String what) {
    this.next = first;
    this.loss = loss;
    this.what = what;
  }

  /** {@code wanted} when it is a free non-negative integer (a number or its text), else the next free id. */
  public long assign(Object wanted) {
    Long w = wanted instanceof Number n ? Long.valueOf(n.longValue()) : parse(wanted);
    if (w != null && w >= 0 && used.add(w)) return w;
    if (wanted != null) loss.changed(null, what + " id", "renumbered: taken or not an integer");
    while (used.contains(next)) next++;
    used.add(next);
    return next;
  }

  private static Long parse(Object v) {
    if (v == null) return null;
    try {
      return Long.valueOf(v.toString().strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
