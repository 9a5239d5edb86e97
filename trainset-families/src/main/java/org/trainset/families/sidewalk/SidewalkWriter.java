package org.trainset.families.sidewalk;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trainset.core.convert.LossReport;
import org.trainset.core.geometry.MaskBits;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationType;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.LabelDef;
import org.trainset.core.model.Mask;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.Polygon;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.StagedSink;
import org.trainset.core.spi.WriteOptions;
import org.trainset.families.jsonfiles.MediaCopy;
import org.trainset.families.jsonfiles.NestedLoss;
import org.trainset.families.samples.SampleImages;

/**
 * Writes the release layout ({@code Bbox_xxxx/}, {@code Polygon_xxxx/}, {@code Surface_xxx/} with
 * {@code MASK/}, {@code Depth_xxx/}): an item's release folder is its id's first segment (or,
 * when the id has none, the first folder of the kind its annotations call for). Items are
 * buffered per release folder and the folder is written when the next one starts (memory is
 * bounded by one folder, 50–500 images in the release): the CVAT XML through the {@code cvat}
 * writer, the environment CSV ({@code day_night}, {@code rain}, {@code time}), the surface masks
 * painted in the label colours (the schema's, else trainset's map), the depth sets' eight files
 * as {@code <set>_<role>.png} and the folder's calibration {@code .conf}.
 */
final class SidewalkWriter implements DatasetWriter {
  static final List<String> ENVIRONMENT = List.of("day_night", "rain", "time");
  /** Attributes the reader derives (not written back as such). */
  private static final Set<String> DERIVED = Set.of("folder_kind", "mask_unknown_colours", "mask_inferred_colours",
      "mask_ambiguous_colours", "confidence_ratio", "calibration");

  @Override public ItemSink open(Path outDir, DatasetSchema schema, WriteOptions options, LossReport loss)
      throws IOException {
    AtomicOutput out = AtomicOutput.directory(outDir);
    Map<String, String> colours = new LinkedHashMap<>(SurfaceScene.COLOURS);
    for (LabelDef l : schema.labels()) {
      if (l.color() != null && SidewalkLabels.SURFACES.containsKey(l.name())) colours.put(l.name(), l.color());
    }
    return new StagedSink(out, schema, options, loss) {
      private String folder;
      private SidewalkFolder kind;
      private final List<Item> items = new ArrayList<>();
      private final List<String[]> csv = new ArrayList<>();
      private final Set<String> written = new java.util.HashSet<>();
      private int task = 100;

      @Override public void accept(Item item) throws IOException {
        String id = item.id();
        int slash = id.indexOf('/');
        SidewalkFolder k = slash > 0 ? SidewalkFolder.of(id.substring(0, slash)) : null;
        String name;
        if (k == null) {
          k = kindOf(item);
          name = switch (k) {
            case BBOX -> "Bbox_0001";
            case POLYGON -> "Polygon_0001";
            case SURFACE -> "Surface_001";
            case DEPTH -> "Depth_001";
          };
          loss.changed(null, "item id", "-> <release folder>/<file>");
        } else {
          name = id.substring(0, slash);
        }
        if (!name.equals(folder)) {
          flush();
          if (!written.add(name)) loss.changed(null, "release folder", "its items not contiguous: folder rewritten");
          folder = name;
          kind = k;
          Files.createDirectories(out.resolve(name));
        }
        if (k == SidewalkFolder.DEPTH) depth(item);
        else annotated(item);
      }

      private void depth(Item item) throws IOException {
        String set = item.id().substring(item.id().lastIndexOf('/') + 1);
        for (MediaRef m : item.media()) {
          Object role = m.info().get("role");
          if (role == null || !DepthPart.ROLES.contains(role.toString())) {
            loss.dropped(null, "depth media", "without a known role");
            continue;
          }
          String to = folder + "/" + set + "_" + role + ".png";
          if (!m.path().equals(to)) loss.changed(null, "depth file path", "-> <set>_<role>.png");
          MediaCopy.copy(options, m.path(), out.resolve(to), loss);
        }
        if (!item.annotations().isEmpty()) loss.dropped(null, "annotation", "on a depth set");
        Path conf = out.resolve(folder + "/" + folder + ".conf");
        if (item.attributes().get("calibration") instanceof Map<?, ?> cal && !Files.exists(conf)) {
          writeConf(conf, cal);
        }
      }

      private void annotated(Item item) throws IOException {
        MediaRef m = item.primaryMedia();
        String file = MediaCopy.fileName(m != null ? m.path() : item.id());
        if (m != null) {
          if (!m.path().equals(folder + "/" + file)) loss.changed(null, "image path", "-> <release folder>/<file>");
          MediaCopy.copy(options, m.path(), out.resolve(folder + "/" + file), loss);
        }
        List<Annotation> shapes = new ArrayList<>();
        List<Mask> masks = new ArrayList<>();
        for (Annotation a : item.annotations()) {
          if (a instanceof Mask mask) {
            if (kind == SidewalkFolder.SURFACE) masks.add(mask);
            else loss.dropped(AnnotationType.MASK, null, "outside a Surface_ folder");
          } else {
            shapes.add(a);
          }
        }
        if (!masks.isEmpty()) writeMask(item, m, file, masks);
        Map<String, Object> attrs = new LinkedHashMap<>();
        String[] row = new String[ENVIRONMENT.size() + 1];
        row[0] = file;
        item.attributes().forEach((key, v) -> {
          int col = ENVIRONMENT.indexOf(key);
          if (col >= 0) row[col + 1] = String.valueOf(v);
          else if (!DERIVED.contains(key)) attrs.put(key, v);
        });
        for (int i = 1; i < row.length; i++) if (row[i] == null) row[i] = "";
        csv.add(row);
        MediaRef media = m == null ? null : new MediaRef(m.kind(), "images/" + file, m.width(), m.height(), m.info());
        items.add(new Item(file, null, media == null ? List.of() : List.of(media), attrs, shapes));
      }

      private void writeMask(Item item, MediaRef m, String file, List<Mask> masks) throws IOException {
        int w = m != null && m.width() != null ? m.width() : 0;
        int h = m != null && m.height() != null ? m.height() : 0;
        if (w == 0 || h == 0) {
          loss.dropped(AnnotationType.MASK, null, "surface mask of an image without a known size");
          return;
        }
        BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (Mask mask : masks) {
          String hex = colours.get(mask.label());
          if (hex == null) {
            loss.dropped(AnnotationType.MASK, null, "its label has no colour");
            continue;
          }
          int rgb = Integer.parseInt(hex.substring(1), 16);
          byte[] bits = MaskBits.toBitmap(mask, h, w);
          for (int i = 0; i < bits.length; i++) if (bits[i] != 0) png.setRGB(i % w, i / w, rgb);
        }
        SampleImages.writePng(png, out.resolve(folder + "/MASK/" + AnnotatedPart.stem(file) + ".png"));
      }

      private void flush() throws IOException {
        if (folder == null || kind == SidewalkFolder.DEPTH || items.isEmpty()) return;
        Path dir = out.resolve(folder);
        LossReport inner = LossReport.lenient();
        SidewalkFolderWriter.writeXml(dir, kind, ++task, List.copyOf(items), colours, inner);
        NestedLoss.forwardDropped(inner, loss);
        SidewalkFolderWriter.writeCsv(dir.resolve(folder + ".csv"), csv);
        items.clear();
        csv.clear();
      }

      @Override protected void finish() throws IOException {
        flush();
      }
    };
  }

  /** The folder kind an item without a release folder in its id belongs to. */
  private static SidewalkFolder kindOf(Item item) {
    Object k = item.attributes().get("folder_kind");
    for (SidewalkFolder f : SidewalkFolder.values()) if (f.kind.equals(k)) return f;
    if (item.annotations().stream().anyMatch(a -> a instanceof Mask)) return SidewalkFolder.SURFACE;
    if (item.annotations().stream().anyMatch(a -> a instanceof Polygon)) return SidewalkFolder.POLYGON;
    return SidewalkFolder.BBOX;
  }

  private static void writeConf(Path file, Map<?, ?> calibration) throws IOException {
    StringBuilder s = new StringBuilder();
    for (Map.Entry<?, ?> section : calibration.entrySet()) {
      if (!(section.getValue() instanceof Map<?, ?> keys)) continue;
      s.append('[').append(section.getKey()).append("]\n");
      for (Map.Entry<?, ?> e : keys.entrySet()) s.append(e.getKey()).append('=').append(e.getValue()).append('\n');
      s.append('\n');
    }
    Files.writeString(file, s.toString(), StandardCharsets.UTF_8);
  }
}
