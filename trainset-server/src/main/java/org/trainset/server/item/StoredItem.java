package org.trainset.server.item;

import java.util.List;
import java.util.Optional;

/** An item row: the server's id, its project, the model item's JSON columns and its version. */
public record StoredItem(String id, String projectId, String name, String subset, String labels, String body,
                         String annotations, int version, String updatedBy, long updatedAt, List<MediaFile> media) {
  /** A media file of the item as stored: its place in the item's media list and its content hash. */
  public record MediaFile(int index, String sha256, Long size) {}

  /** The item's first media file (index 0) when its content is in the media store: what the image jobs and automatic attributes work on. */
  public Optional<MediaFile> firstMedia() {
    return media.stream().filter(m -> m.index() == 0 && m.sha256() != null).findFirst();
  }
}
