package org.trainset.families.sidewalk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trainset.core.Datasets;
import org.trainset.core.io.DatasetFolder;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Item;
import org.trainset.core.model.LabelDef;
import org.trainset.core.model.MediaRef;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.issue.Issue;
import org.trainset.core.issue.Severity;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPart;
import org.trainset.core.spi.ReadPlan;

/**
 * The producer's XMLs of one kind ({@code Sidewalk_<task>_<kind>_output_<N>_<k>.xml}), each read
 * by the {@code cvat} format. An {@code <image>} is joined to {@code rawdata/<its name>} when that
 * file exists, else to the raw image of the XML's own number ({@code _raw_<N>_<k>.jpg|png}); surface
 * images to their {@code _mask_} PNG. Items: id = the raw file name, media {@code rawdata/<file>},
 * attributes {@code folder_kind}, {@code task}, CVAT's {@code frame}.
 */
record ProducerPart(String base, SidewalkFolder kind, List<String> xmls) implements ReadPart {
  // base is a location opened through ReadOptions.storage(); xmls are file names in its output/
  @Override public String describe() {
    return base + " (" + kind.kind + ")";
  }

  @Override public ItemCursor open(ReadOptions options) throws IOException {
    Path root = options.storage().local(base);
    Path raw = root.resolve(ProducerLayout.RAWDATA);
    return new ItemCursor() {
      private int next;
      private ItemCursor cvat;
      private Path xml;
      private Map<String, String> colours = Map.of();
      private long bytes;

      @Override public Item next() throws IOException {
        while (true) {
          if (cvat != null) {
            Item it = cvat.next();
            if (it != null) return item(it);
            bytes += cvat.bytesRead();
            cvat.close();
            cvat = null;
          }
          if (next >= xmls.size()) return null;
          xml = root.resolve(ProducerLayout.OUTPUT).resolve(xmls.get(next++));
          ReadPlan plan = Datasets.plan(AnnotatedPart.CVAT, xml, options);
          colours = new LinkedHashMap<>();
          for (LabelDef l : plan.schema().labels()) {
            if (l.color() != null) colours.put(l.color().toLowerCase(Locale.ROOT), l.name());
          }
          cvat = Datasets.cursor(plan, options);
        }
      }

      private Item item(Item it) throws IOException {
        ProducerNames own = ProducerNames.parse(xml.getFileName().toString());
        MediaRef m = it.primaryMedia();
        String named = m == null ? it.id() : m.path().substring(m.path().lastIndexOf('/') + 1);
        String file = named;
        // a dangling symlink or a FIFO in place of a raw image is an input error (DatasetFolder.present)
        if (!DatasetFolder.present(raw.resolve(named))) {
          file = null;
          for (String ext : new String[] {"jpg", "png", "jpeg"}) {
            if (DatasetFolder.present(raw.resolve(own.with("raw", ext)))) file = own.with("raw", ext);
          }
          if (file == null) {
            options.problems().report(Issue.at(Severity.WARNING, "sidewalk-producer-image", xml.toString(), -1, named, null, "no rawdata/" + named + " nor rawdata/" + own.with("raw", "jpg") + " for this <image>"));
            file = named;
          }
        }
        ProducerNames names = ProducerNames.parse(file);
        String id = file;
        Map<String, Object> attrs = new LinkedHashMap<>(it.attributes());
        attrs.put("folder_kind", kind.kind);
        attrs.put("task", (names != null ? names : own).task());
        List<Annotation> anns = new ArrayList<>(it.annotations());
        MediaRef media = m == null ? MediaRef.image(ProducerLayout.RAWDATA + "/" + file, null, null)
            : m.withPath(ProducerLayout.RAWDATA + "/" + file);
        if (kind == SidewalkFolder.SURFACE) {
          String mask = (names != null ? names : own).with("mask", "png");
          Path png = DatasetFolder.present(raw.resolve(mask)) ? raw.resolve(mask)
              : root.resolve(ProducerLayout.OUTPUT).resolve(mask);
          SurfaceMasks.Result r = SurfaceMasks.read(png, xml, id, media, colours, anns, options,
              (png.startsWith(raw) ? ProducerLayout.RAWDATA : ProducerLayout.OUTPUT) + "/" + mask);
          anns.addAll(r.masks());
          if (!r.unknownColours().isEmpty()) attrs.put("mask_unknown_colours", r.unknownColours());
          if (!r.inferred().isEmpty()) attrs.put("mask_inferred_colours", r.inferred());
        }
        return new Item(id, it.subset(), List.of(media), attrs, anns);
      }

      @Override public long bytesRead() {
        return bytes + (cvat == null ? 0 : cvat.bytesRead());
      }

      @Override public void close() throws IOException {
        if (cvat != null) cvat.close();
      }
    };
  }
}
