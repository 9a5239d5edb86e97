package org.trainset.formats.yolo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trainset.core.io.InputException;
import org.trainset.core.media.MediaProbe;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.Tag;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPart;

/** A slice of a YOLO dataset's images; serialisable (root, class names and entries only). */
record YoloPart(String root, List<String> names, int[] kptShape, boolean obb, List<YoloLayout.Entry> entries)
    implements ReadPart {

  @Override public String describe() {
    return root + " (" + entries.size() + " YOLO images)";
  }

  @Override public ItemCursor open(ReadOptions options) throws IOException {
    Path dir = options.storage().local(root);
    return new ItemCursor() {
      private int next;
      private long bytes;

      @Override public Item next() throws IOException {
        if (next >= entries.size()) return null;
        YoloLayout.Entry e = entries.get(next++);
        Path image = dir.resolve(e.image());
        MediaRef media = MediaRef.image(e.image(), null, null);
        // a listed image that is a dangling symlink or a FIFO is an input error; one not there at all is an item without size
        if (org.trainset.core.io.DatasetFolder.present(image)) {
          Optional<MediaRef> probed = MediaProbe.probeAll(image, e.image());
          if (probed.isPresent()) media = probed.get();
        }
        if (e.tag() != null) {
          return new Item(e.id(), e.subset(), List.of(media), Map.of(), List.of(new Tag(AnnotationMeta.of(e.tag()))));
        }
        List<Annotation> annotations = List.of();
        Path label = e.label() == null ? null : dir.resolve(e.label());
        if (label != null && org.trainset.core.io.DatasetFolder.present(label)) { // no label file: an image without objects
          options.limits().checkFileSize(label);
          bytes += Files.size(label);
          List<String> lines = org.trainset.core.io.TextFiles.readAllLines(label);
          if (lines.stream().anyMatch(l -> !l.isBlank())) {
            if (!media.hasSize()) {
              throw new InputException(label, "image-size", "normalised coordinates need the image size, but "
                  + e.image() + (Files.isRegularFile(image) ? " has no readable size in its header" : " does not exist"));
            }
            annotations = new YoloLabelParser(label, names, kptShape, obb, media.width(), media.height()).all(lines);
          }
        }
        return new Item(e.id(), e.subset(), List.of(media), Map.of(), annotations);
      }

      @Override public long bytesRead() { return bytes; }
      @Override public void close() { }
    };
  }
}
