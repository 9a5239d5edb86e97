package org.trainset.core.model;

import java.util.Map;
import java.util.Objects;

/**
 * A media file an item refers to.
 *
 * @param kind   image, video, DICOM, text, other
 * @param path   path relative to the dataset root, '/'-separated (absolute only when the source
 *               format gave an absolute path)
 * @param width  pixel width when known, else null
 * @param height pixel height when known, else null
 * @param info   further facts (frames, fps, duration, byte size, role within a multi-file item)
 */
public record MediaRef(MediaKind kind, String path, Integer width, Integer height, Map<String, Object> info) {
  public MediaRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    info = Attributes.copyOf(info);
  }

  public static MediaRef image(String path, Integer width, Integer height) {
    return new MediaRef(MediaKind.IMAGE, path, width, height, Map.of());
  }

  public boolean hasSize() {
    return width != null && height != null;
  }

  public MediaRef withSize(Integer w, Integer h) {
    return new MediaRef(kind, path, w, h, info);
  }

  public MediaRef withPath(String p) {
    return new MediaRef(kind, p, width, height, info);
  }
}
