package org.trainset.core.convert;

import java.util.Locale;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;

/**
 * How writers turn an item id into file names, decided once for every format. Readers of formats
 * that name items by their image file (CVAT, the sidewalk family, media folders) give ids that
 * already end in the image's extension ({@code Bbox_0001/MP_SEL_000001.jpg}); a writer appending
 * the extension again would write {@code …jpg.jpg} or {@code …jpg.xml}.
 */
public final class ItemNames {
  private ItemNames() {}

  /** The item id without its primary media file's extension when the id ends with it, else the id. */
  public static String stem(Item item) {
    String ext = extension(item.primaryMedia());
    String id = item.id();
    if (ext != null && id.length() > ext.length() + 1
        && id.toLowerCase(Locale.ROOT).endsWith("." + ext.toLowerCase(Locale.ROOT))) {
      return id.substring(0, id.length() - ext.length() - 1);
    }
    return id;
  }

  /** True when {@link #stem} had to remove an extension (writers report it as a changed id). */
  public static boolean idCarriesExtension(Item item) {
    return !stem(item).equals(item.id());
  }

  /**
   * The file name for the item's primary media under a layout that names files by item id:
   * {@code stem + "." + extension of the media}, or {@code stem + "." + fallbackExtension} when the
   * item has no media or the media file has no extension.
   */
  public static String mediaFileName(Item item, String fallbackExtension) {
    String ext = extension(item.primaryMedia());
    return stem(item) + "." + (ext != null ? ext : fallbackExtension);
  }

  /** The extension of a media file's name (without the dot), or null. */
  public static String extension(MediaRef media) {
    if (media == null) return null;
    String name = media.path().substring(media.path().lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 && dot < name.length() - 1 ? name.substring(dot + 1) : null;
  }
}
