package org.trainset.families.sidewalk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trainset.core.Datasets;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Item;
import org.trainset.core.model.LabelDef;
import org.trainset.core.model.MediaRef;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPart;
import org.trainset.core.spi.ReadPlan;
import org.trainset.formats.cvat.CvatFormat;

/**
 * A {@code Bbox_}, {@code Polygon_} or {@code Surface_} folder: its one XML is read by the
 * {@code cvat} format; items get ids and media paths under the folder, the folder kind, the
 * environment CSV's row, and (surface folders) the per-class masks of {@code MASK/<image>.png}.
 */
record AnnotatedPart(String base, String folder, SidewalkFolder kind) implements ReadPart {
  /** The reader of the folder's XML, held directly (not looked up by id, so a Spark task needs no registry). */
  static final Format CVAT = new CvatFormat();

  @Override public String describe() {
    return folder;
  }

  @Override public ItemCursor open(ReadOptions options) throws IOException {
    Path dir = options.storage().local(folder);
    List<Path> xmls = SidewalkFolder.files(dir, ".xml", options.problems());
    if (xmls.size() != 1) {
      throw new InputException(dir, "sidewalk-xml", "expected one CVAT XML in the folder, found " + xmls.size());
    }
    List<Path> csvs = SidewalkFolder.files(dir, ".csv", options.problems());
    if (csvs.size() > 1) throw new InputException(dir, "sidewalk-csv", "more than one environment CSV: " + csvs);
    Map<String, Map<String, Object>> env = csvs.isEmpty() ? Map.of() : EnvironmentCsv.read(csvs.get(0));
    ReadPlan plan = Datasets.plan(CVAT, xmls.get(0), options);
    Map<String, String> colours = new LinkedHashMap<>();
    for (LabelDef l : plan.schema().labels()) {
      if (l.color() != null) colours.put(l.color().toLowerCase(java.util.Locale.ROOT), l.name());
    }
    ItemCursor cvat = Datasets.cursor(plan, options);
    String name = dir.getFileName().toString();
    Path xml = xmls.get(0);
    return new ItemCursor() {
      @Override public Item next() throws IOException {
        Item it = cvat.next();
        if (it == null) return null;
        MediaRef m = it.primaryMedia();
        String file = m == null ? it.id() : m.path().substring(m.path().lastIndexOf('/') + 1);
        List<MediaRef> media = m == null ? List.of() : List.of(m.withPath(name + "/" + file));
        Map<String, Object> attrs = new LinkedHashMap<>(it.attributes());
        attrs.put("folder_kind", kind.kind);
        Map<String, Object> row = env.get(file);
        if (row != null) attrs.putAll(row);
        List<Annotation> anns = new ArrayList<>(it.annotations());
        String id = name + "/" + it.id();
        if (kind == SidewalkFolder.SURFACE) {
          SurfaceMasks.Result r = SurfaceMasks.read(dir.resolve("MASK").resolve(stem(file) + ".png"), xml, id,
              m, colours, anns, options);
          anns.addAll(r.masks());
          if (!r.unknownColours().isEmpty()) attrs.put("mask_unknown_colours", r.unknownColours());
          if (!r.inferred().isEmpty()) attrs.put("mask_inferred_colours", r.inferred());
        }
        return new Item(id, it.subset(), media, attrs, anns);
      }

      @Override public long bytesRead() {
        return cvat.bytesRead();
      }

      @Override public void close() throws IOException {
        cvat.close();
      }
    };
  }

  static String stem(String file) {
    int dot = file.lastIndexOf('.');
    return dot < 0 ? file : file.substring(0, dot);
  }
}
