package org.trainset.core.model;

import java.util.Locale;

/** Annotation kinds; {@link #key()} is the stable name used in JSON and reports. */
public enum AnnotationType {
  TAG, BOX, POLYGON, POLYLINE, POINTS, MASK, CAPTION, TEXT_PAIR, TIME_EVENT, TRACK;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static AnnotationType fromKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
