package org.trainset.formats.voc;

import org.trainset.core.spi.StagedSink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trainset.core.convert.ItemNames;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.io.SafePaths;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.LabelDef;
import org.trainset.core.model.MediaRef;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.WriteOptions;

/**
 * Writes the standard VOC layout: {@code Annotations/<id>.xml} for every item (also those without
 * objects, so they survive), {@code ImageSets/Main/<subset>.txt}, {@code labelmap.txt} with
 * colours, parts and actions, and {@code JPEGImages/} when media are copied. Staged under
 * {@link AtomicOutput}; nothing appears before {@link ItemSink#commit()}.
 */
final class VocWriter implements DatasetWriter {
  @Override public ItemSink open(Path outDir, DatasetSchema schema, WriteOptions options, LossReport loss)
      throws IOException {
    return new Sink(AtomicOutput.directory(outDir), schema, options, loss);
  }

  private static final class Sink extends StagedSink {
    private final Map<String, BufferedWriter> subsetLists = new LinkedHashMap<>();
    private final Map<String, Set<String>> partsByLabel = new LinkedHashMap<>();
    private final Set<String> labelsSeen = new LinkedHashSet<>();

    Sink(AtomicOutput out, DatasetSchema schema, WriteOptions options, LossReport loss) throws IOException {
      super(out, schema, options, loss);
      Files.createDirectories(out.path().resolve(VocFormat.ANNOTATIONS));
      Files.createDirectories(out.path().resolve(VocFormat.IMAGE_SETS).resolve("Main"));
    }

    @Override public void accept(Item item) throws IOException {
      String filename = filename(item);
      // VOC names items by their annotation file: an id that is an image file name loses its extension.
      String stem = ItemNames.stem(item);
      if (!stem.equals(item.id())) loss.changed(null, "item id", "-> without its image extension");
      Path xml = out.resolve(VocFormat.ANNOTATIONS + "/" + stem + ".xml");
      Files.createDirectories(xml.getParent());
      List<VocObjects.VocObject> objects = VocObjects.of(item.annotations(), loss);
      reportItemLosses(item);
      try (BufferedWriter w = Files.newBufferedWriter(xml, StandardCharsets.UTF_8)) {
        new VocXmlWriter(w, schema, loss).write(item, filename, objects);
      }
      for (VocObjects.VocObject o : objects) {
        labelsSeen.add(o.box().label());
        for (var p : o.parts()) {
          labelsSeen.add(p.label());
          partsByLabel.computeIfAbsent(o.box().label(), k -> new LinkedHashSet<>()).add(p.label());
        }
      }
      if (item.subset() != null) {
        BufferedWriter list = subsetLists.get(item.subset());
        if (list == null) {
          list = Files.newBufferedWriter(out.resolve(VocFormat.IMAGE_SETS + "/Main/" + item.subset() + ".txt"),
              StandardCharsets.UTF_8);
          subsetLists.put(item.subset(), list);
        }
        list.write(stem);
        list.write('\n');
      }
      if (options.copyMedia()) copyImage(item, filename);
    }

    private void reportItemLosses(Item item) {
      item.attributes().forEach((k, v) -> {
        if (!(k.equals(VocFormat.SEGMENTED) && v instanceof Boolean)) loss.dropped(null, "item attribute '" + k + "'", null);
      });
      for (int i = 1; i < item.media().size(); i++) loss.dropped(null, "media", "beyond the first image");
    }

    /** The image's file name: the media file's name, or {@code <id>.jpg} when there is none. */
    private static String filename(Item item) {
      MediaRef m = item.primaryMedia();
      String stem = ItemNames.stem(item);
      if (m == null) return stem.substring(stem.lastIndexOf('/') + 1) + ".jpg";
      return m.path().substring(m.path().lastIndexOf('/') + 1);
    }

    private void copyImage(Item item, String filename) throws IOException {
      MediaRef m = item.primaryMedia();
      if (m == null || options.mediaRoot() == null) return;
      Path src = SafePaths.resolveInside(options.mediaRoot(), m.path());
      if (!Files.isRegularFile(src)) return;
      String stem = ItemNames.stem(item);
      int slash = stem.lastIndexOf('/');
      String dir = VocFormat.IMAGES + "/" + (slash < 0 ? "" : stem.substring(0, slash + 1));
      Path dst = out.resolve(dir + filename);
      Files.createDirectories(dst.getParent());
      Files.copy(src, dst, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Override protected void finish() throws IOException {
      List<LabelDef> labels = new ArrayList<>(schema.labels());
      for (String l : labelsSeen) {
        if (labels.stream().noneMatch(d -> d.name().equals(l))) labels.add(LabelDef.named(l));
      }
      try (BufferedWriter w = Files.newBufferedWriter(out.path().resolve(VocFormat.LABELMAP), StandardCharsets.UTF_8)) {
        VocLabelMap.write(w, labels, partsByLabel);
      }
    }

    @Override protected void release() throws IOException {
      for (BufferedWriter w : subsetLists.values()) w.close();
      subsetLists.clear();
    }
  }
}
