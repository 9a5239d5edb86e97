package org.trainset.families.xray;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Box;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.StagedSink;
import org.trainset.core.spi.WriteOptions;
import org.trainset.families.jsonfiles.MediaCopy;
import org.trainset.families.jsonfiles.NestedLoss;

/**
 * Writes the release layout {@code <maker>/<item>/<sample>/}: the scans, one COCO JSON per sample
 * folder (through the {@code coco} writer: polygons and everything but boxes) and one VOC XML per
 * image (through the {@code voc} writer: the boxes), unless every box was derived from a polygon
 * (source {@code polygon}), which the reader derives again. An item's folder is its id's parent;
 * items are buffered per folder and the folder is written when the next one starts.
 */
final class XrayWriter implements DatasetWriter {
  /** Attributes the reader derives from the folder names. */
  private static final Set<String> FOLDER_ATTRS = Set.of("maker", "item", "sample", "composition", "contents");

  @Override public ItemSink open(Path outDir, DatasetSchema schema, WriteOptions options, LossReport loss)
      throws IOException {
    AtomicOutput out = AtomicOutput.directory(outDir);
    return new StagedSink(out, schema, options, loss) {
      private String folder;
      private final List<Item> coco = new ArrayList<>();
      private final List<Item> voc = new ArrayList<>();

      @Override public void accept(Item item) throws IOException {
        int slash = item.id().lastIndexOf('/');
        String f = slash > 0 ? item.id().substring(0, slash) : null;
        if (f == null || !XrayLayout.isSample(Path.of(f).getFileName().toString())) {
          f = "Unknown/Unknown/" + (item.annotations().size() > 2 ? "Multiple_Categories" : "Single_Default");
          loss.changed(null, "item id", "-> <maker>/<item>/<sample folder>/<stem>");
        }
        if (!f.equals(folder)) flush();
        folder = f;
        String stem = item.id().substring(slash + 1);
        MediaRef m = item.primaryMedia();
        String file = m == null ? stem + ".png" : MediaCopy.fileName(m.path());
        if (m != null) {
          if (!m.path().equals(f + "/" + file)) loss.changed(null, "scan path", "-> <sample folder>/<file>");
          MediaCopy.copy(options, m.path(), out.resolve(f + "/" + file), loss);
        }
        Map<String, Object> attrs = new LinkedHashMap<>();
        item.attributes().forEach((k, v) -> {
          if (k.equals("coco_image_id")) attrs.put("id", v);
          else if (!FOLDER_ATTRS.contains(k)) attrs.put(k, v);
        });
        List<Annotation> polygons = new ArrayList<>();
        List<Annotation> boxes = new ArrayList<>();
        boolean derived = true;
        for (Annotation a : item.annotations()) {
          if (a instanceof Box b) {
            boxes.add(b.withMeta(b.meta().withGroup(null)));
            derived &= "polygon".equals(b.meta().source());
          } else {
            polygons.add(a);
          }
        }
        List<MediaRef> media = m == null ? List.of()
            : List.of(new MediaRef(m.kind(), "images/" + file, m.width(), m.height(), m.info()));
        coco.add(new Item(stem, null, media, attrs, polygons));
        if (!boxes.isEmpty() && !derived) voc.add(new Item(stem, null, media, Map.of(), boxes));
      }

      private void flush() throws IOException {
        if (folder == null) return;
        Path dir = out.resolve(folder);
        Files.createDirectories(dir);
        String[] names = folder.split("/");
        String jsonName = names.length >= 2 ? names[names.length - 2].replace(' ', '_') + "_" + names[names.length - 1]
            : names[names.length - 1];
        Path json = write(XrayPart.COCO, coco, dir.resolveSibling("." + names[names.length - 1] + ".coco"));
        Files.move(json, dir.resolve(jsonName + ".json"), StandardCopyOption.REPLACE_EXISTING);
        if (!voc.isEmpty()) {
          Path tmp = dir.resolveSibling("." + names[names.length - 1] + ".voc");
          write(XrayPart.VOC, voc, tmp);
          for (Item it : voc) {
            Files.move(tmp.resolve("Annotations/" + it.id() + ".xml"), dir.resolve(it.id() + ".xml"),
                StandardCopyOption.REPLACE_EXISTING);
          }
          AtomicOutput.deleteRecursively(tmp);
        }
        coco.clear();
        voc.clear();
        folder = null;
      }

      /** Writes {@code items} with a generic writer into {@code tmp}; returns the COCO JSON when there is one. */
      private Path write(org.trainset.core.spi.Format format, List<Item> items, Path tmp) throws IOException {
        LossReport inner = LossReport.lenient();
        try (ItemSink sink = format.writer().orElseThrow().open(tmp, schema, WriteOptions.defaults(), inner)) {
          for (Item it : items) sink.accept(it);
          sink.commit();
        }
        NestedLoss.forwardDropped(inner, loss);
        if (format != XrayPart.COCO) return null;
        Path json;
        try (Stream<Path> s = Files.list(tmp.resolve("annotations"))) {
          json = s.filter(p -> p.getFileName().toString().startsWith("instances_")).findFirst().orElseThrow();
        }
        Path moved = tmp.resolveSibling(tmp.getFileName() + ".json");
        Files.move(json, moved, StandardCopyOption.REPLACE_EXISTING);
        AtomicOutput.deleteRecursively(tmp);
        return moved;
      }

      @Override protected void finish() throws IOException {
        flush();
      }
    };
  }
}
