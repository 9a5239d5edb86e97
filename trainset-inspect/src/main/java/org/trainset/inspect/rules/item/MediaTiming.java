package org.trainset.inspect.rules.item;

import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;

/**
 * How long an item's media lasts, from what readers record: the primary media's info
 * {@code duration} (seconds), else {@code frames} / {@code fps}, else the item attribute
 * {@code duration}. Negative or zero frame counts (seen in CCTV headers) count as unknown.
 */
public final class MediaTiming {
  private MediaTiming() {}

  /** Duration in seconds, or NaN when unknown. */
  public static double duration(Item item) {
    MediaRef m = item.primaryMedia();
    if (m != null) {
      double d = number(m.info().get("duration"));
      if (d > 0) return d;
      double frames = number(m.info().get("frames"));
      double fps = number(m.info().get("fps"));
      if (frames > 0 && fps > 0) return frames / fps;
    }
    double d = number(item.attributes().get("duration"));
    return d > 0 ? d : Double.NaN;
  }

  /** Frame count of the primary media, or -1 when unknown. */
  public static long frames(Item item) {
    MediaRef m = item.primaryMedia();
    double f = m == null ? Double.NaN : number(m.info().get("frames"));
    return f > 0 ? (long) f : -1;
  }

  static double number(Object v) {
    if (v instanceof Number n) return n.doubleValue();
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s.strip());
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }
}
