package org.trainset.formats.coco;

import java.io.IOException;
import java.util.List;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPart;

/**
 * One subset of a COCO dataset: its task files (instances, person_keypoints, labels, captions,
 * image_info) merged by image. Self-contained and serialisable (paths, regions, categories).
 *
 * @param subset      subset name or null
 * @param mediaPrefix prefix of image paths relative to the dataset root ({@code images/val/})
 * @param files       the subset's files in task order
 */
record CocoPart(String subset, String mediaPrefix, List<CocoFileIndex> files) implements ReadPart {
  @Override public String describe() {
    return files.size() == 1 ? files.get(0).path() : "COCO subset " + (subset == null ? "(none)" : subset);
  }

  @Override public long estimatedBytes() {
    return files.stream().mapToLong(CocoFileIndex::size).sum();
  }

  @Override public ItemCursor open(ReadOptions options) throws IOException {
    List<CocoFileIndex> opened = new java.util.ArrayList<>(files.size());
    for (CocoFileIndex f : files) opened.add(f.on(options.storage()));
    return new CocoCursor(new CocoPart(subset, mediaPrefix, opened), options);
  }
}
