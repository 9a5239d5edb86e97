package org.trainset.families.xray;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trainset.core.Datasets;
import org.trainset.core.io.DatasetFolder;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPart;
import org.trainset.formats.coco.CocoFormat;
import org.trainset.formats.voc.VocFormat;

/**
 * One sample folder: its COCO JSON is read by the {@code coco} format and each image's
 * {@code <stem>.xml} by the {@code voc} format; the two are joined by file name (images with VOC
 * only come after the COCO ones). Items carry maker, item, sample, composition and contents.
 */
record XrayPart(String base, String folder) implements ReadPart {
  /** The readers this part delegates to, held directly (a Spark task needs no format registry). */
  static final Format COCO = new CocoFormat();
  static final Format VOC = new VocFormat();

  @Override public String describe() {
    return folder;
  }

  @Override public ItemCursor open(ReadOptions options) throws IOException {
    Path dir = options.storage().local(folder);
    Path rel = Path.of(base).relativize(Path.of(folder)); // names only
    Map<String, Object> attrs = new LinkedHashMap<>();
    int n = rel.getNameCount();
    if (n >= 3) attrs.put("maker", rel.getName(n - 3).toString());
    if (n >= 2) attrs.put("item", rel.getName(n - 2).toString());
    String sample = dir.getFileName().toString();
    attrs.put("sample", sample);
    attrs.put("composition", XrayLayout.composition(sample));
    attrs.put("contents", XrayLayout.contents(sample));
    String prefix = rel.toString().replace('\\', '/') + "/";
    List<Path> jsons = list(dir, ".json", options);
    List<Path> xmls = list(dir, ".xml", options);
    if (jsons.size() > 1) throw new InputException(dir, "xray-coco", "more than one COCO JSON in the sample folder");
    Format voc = VOC;
    ItemCursor coco = jsons.isEmpty() ? null
        : Datasets.cursor(Datasets.plan(COCO, jsons.get(0), options), options);
    Set<String> seen = new HashSet<>();
    Iterator<Path> vocOnly = xmls.iterator();
    return new ItemCursor() {
      @Override public Item next() throws IOException {
        if (coco != null) {
          Item c = coco.next();
          if (c != null) {
            MediaRef m = c.primaryMedia();
            String file = m == null ? c.id() + ".png" : m.path().substring(m.path().lastIndexOf('/') + 1);
            String stem = stem(file);
            seen.add(stem);
            Path xml = dir.resolve(stem + ".xml");
            List<Annotation> boxes = DatasetFolder.present(xml) ? vocBoxes(voc, xml, options) : null;
            return XrayJoin.item(prefix, stem, file, m, attrs, c.attributes(), c.annotations(), boxes);
          }
        }
        while (vocOnly.hasNext()) {
          Path xml = vocOnly.next();
          String stem = stem(xml.getFileName().toString());
          if (seen.contains(stem)) continue;
          Item v = Datasets.readAll(Datasets.plan(voc, xml, options), options).get(0);
          MediaRef m = v.primaryMedia();
          String file = m == null ? stem + ".png" : m.path().substring(m.path().lastIndexOf('/') + 1);
          return XrayJoin.item(prefix, stem, file, m, attrs, Map.of(), List.of(), v.annotations());
        }
        return null;
      }

      @Override public void close() throws IOException {
        if (coco != null) coco.close();
      }
    };
  }

  private static List<Annotation> vocBoxes(Format voc, Path xml, ReadOptions options) throws IOException {
    List<Item> items = Datasets.readAll(Datasets.plan(voc, xml, options), options);
    return items.isEmpty() ? List.of() : items.get(0).annotations();
  }

  /** The sample folder's visible {@code *suffix} files, sorted; a dangling symlink or a FIFO so named is reported. */
  static List<Path> list(Path dir, String suffix, ReadOptions options) throws IOException {
    return DatasetFolder.files(dir, 1, p -> p.getFileName().toString().endsWith(suffix)
        && !p.getFileName().toString().startsWith("."), options.problems());
  }

  static String stem(String file) {
    int dot = file.lastIndexOf('.');
    return dot < 0 ? file : file.substring(0, dot);
  }
}
