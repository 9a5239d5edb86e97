package org.trainset.formats.media;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.trainset.core.model.MediaKind;

/** Which file names count as collected media, by extension. */
final class MediaKinds {
  private static final Map<String, MediaKind> BY_EXTENSION = Map.ofEntries(
      Map.entry("png", MediaKind.IMAGE), Map.entry("jpg", MediaKind.IMAGE), Map.entry("jpeg", MediaKind.IMAGE),
      Map.entry("bmp", MediaKind.IMAGE), Map.entry("gif", MediaKind.IMAGE), Map.entry("tif", MediaKind.IMAGE),
      Map.entry("tiff", MediaKind.IMAGE), Map.entry("webp", MediaKind.IMAGE),
      Map.entry("mp4", MediaKind.VIDEO), Map.entry("mov", MediaKind.VIDEO), Map.entry("avi", MediaKind.VIDEO),
      Map.entry("mkv", MediaKind.VIDEO), Map.entry("webm", MediaKind.VIDEO),
      Map.entry("dcm", MediaKind.DICOM), Map.entry("dicom", MediaKind.DICOM),
      Map.entry("txt", MediaKind.TEXT));

  private MediaKinds() {}

  static Optional<MediaKind> of(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    if (dot < 0 || n.startsWith(".")) return Optional.empty();
    return Optional.ofNullable(BY_EXTENSION.get(n.substring(dot + 1).toLowerCase(Locale.ROOT)));
  }
}
