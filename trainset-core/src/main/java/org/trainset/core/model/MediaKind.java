package org.trainset.core.model;

import java.util.Locale;

/** What a media file holds. */
public enum MediaKind {
  IMAGE, VIDEO, DICOM, TEXT, OTHER;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static MediaKind fromKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
