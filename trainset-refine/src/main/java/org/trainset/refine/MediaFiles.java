package org.trainset.refine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trainset.core.io.InputException;
import org.trainset.core.io.SafePaths;
import org.trainset.core.model.MediaKind;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.Item;

/** Finding the file behind an item's media path. */
public final class MediaFiles {
  private MediaFiles() {}

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
