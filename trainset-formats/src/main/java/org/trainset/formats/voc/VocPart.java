package org.trainset.formats.voc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trainset.core.io.InputException;
import org.trainset.core.io.SafePaths;
import org.trainset.core.media.MediaProbe;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaKind;
import org.trainset.core.model.MediaRef;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPart;

/** A slice of a VOC dataset's items; serialisable (root path and entries only). */
record VocPart(String root, List<VocLayout.Entry> entries, VocSegmentation.Classes classes) implements ReadPart {
  static final List<String> IMAGE_EXTENSIONS = List.of("jpg", "jpeg", "png", "bmp", "gif", "tif", "tiff", "webp");

  @Override public String describe() {
    return root + " (" + entries.size() + " VOC items)";
  }

  @Override public ItemCursor open(ReadOptions options) throws IOException {
    Path dir = options.storage().local(root);
    return new ItemCursor() {
      private int next;
      private long bytes;

      @Override public Item next() throws IOException {
        if (next >= entries.size()) return null;
        VocLayout.Entry e = entries.get(next++);
        if (e.xml() == null) return withSegmentation(dir, item(dir, e, null, null, null, null, List.of()), List.of());
        Path xml = dir.resolve(e.xml());
        bytes += Files.size(xml);
        VocXmlParser.Parsed p = VocXmlParser.parse(xml, options.limits());
        return withSegmentation(dir, item(dir, e, p.filename(), p.width(), p.height(), p.segmented(), p.annotations()),
            p.annotations());
      }

      /** The item plus the masks of its segmentation maps, after the annotation file's objects. */
      private Item withSegmentation(Path dir, Item item, List<Annotation> objects) throws IOException {
        if (!VocSegmentation.has(dir, item.id())) return item;
        List<Annotation> masks = VocSegmentation.masks(dir, item.id(), item.width(), item.height(), classes, objects,
            options.problems());
        if (masks.isEmpty()) return item;
        List<Annotation> all = new ArrayList<>(item.annotations());
        all.addAll(masks);
        return item.withAnnotations(all);
      }

      @Override public long bytesRead() { return bytes; }
      @Override public void close() { }
    };
  }

  private static Item item(Path dir, VocLayout.Entry e, String filename, Integer w, Integer h,
                           Boolean segmented, List<Annotation> annotations) throws IOException {
    String image = imagePath(dir, e, filename);
    if (w == null || h == null) {
      Path file = SafePaths.resolveInside(dir, image);
      if (Files.isRegularFile(file)) {
        Optional<MediaRef> probed = MediaProbe.probeAll(file, image);
        if (probed.isPresent() && probed.get().hasSize()) {
          w = probed.get().width();
          h = probed.get().height();
        }
      }
    }
    Map<String, Object> attrs = segmented == null ? Map.of() : Map.of(VocFormat.SEGMENTED, segmented);
    return new Item(e.id(), e.subset(), List.of(new MediaRef(MediaKind.IMAGE, image, w, h, Map.of())),
        attrs, new ArrayList<>(annotations));
  }

  /** The image's path relative to the root: the file's {@code <filename>}, else {@code <id>.<ext>} found on disk. */
  private static String imagePath(Path dir, VocLayout.Entry e, String filename) throws InputException {
    String prefix = e.imageDir().isEmpty() ? "" : e.imageDir() + "/";
    int slash = e.id().lastIndexOf('/');
    if (slash >= 0) prefix += e.id().substring(0, slash + 1);
    if (filename != null) return prefix + filename;
    String stem = e.id().substring(slash + 1);
    for (String ext : IMAGE_EXTENSIONS) {
      if (Files.isRegularFile(dir.resolve(prefix + stem + "." + ext))) return prefix + stem + "." + ext;
    }
    return prefix + stem + ".jpg";
  }
}
