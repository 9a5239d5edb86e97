package org.trainset.refine;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trainset.core.io.InputException;
import org.trainset.core.io.Json;
import org.trainset.core.io.ParseLimits;
import org.trainset.core.io.SafePaths;
import org.trainset.core.model.MediaKind;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.Item;

/** Finding the file behind an item's media path. */
public final class MediaFiles {
  private MediaFiles() {}

  /**
   * Where relative media paths start: the {@code mediaRoot} a native trainset dataset records in
   * its {@code dataset.json} when media were left in place, else the input folder (or a file's folder).
   */
  public static Path rootOf(Path input) throws IOException {
    Path schema = input.resolve("dataset.json");
    if (Files.isDirectory(input) && Files.isRegularFile(schema)) {
      JsonNode root = Json.mapper(ParseLimits.DEFAULT).readTree(schema.toFile());
      JsonNode mr = root.get("mediaRoot");
      if (mr != null && mr.isTextual()) return Path.of(mr.asText());
    }
    return DatasetRewrite.mediaRoot(input);
  }

  /** The item's first image, or null. */
  public static MediaRef firstImage(Item item) {
    for (MediaRef m : item.media()) if (m.kind() == MediaKind.IMAGE) return m;
    return null;
  }

  /** The file of {@code media}: an absolute path as given, a relative one inside {@code root}; must exist. */
  public static Path resolve(Path root, Item item, MediaRef media) throws IOException {
    Path p = Path.of(media.path());
    Path file = p.isAbsolute() ? p : SafePaths.resolveInside(root, media.path());
    if (!Files.isRegularFile(file)) {
      throw InputException.atItem(file, item.id(), "media-missing", "image file not found: " + media.path());
    }
    return file;
  }
}
