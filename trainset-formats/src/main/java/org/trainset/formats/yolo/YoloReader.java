package org.trainset.formats.yolo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trainset.core.io.InputException;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.LabelDef;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPart;
import org.trainset.core.spi.ReadPlan;

/**
 * Plans a YOLO dataset from its {@link YoloLayout}: the schema comes from the class names (with
 * numbered keypoints when {@code kpt_shape} is set), items are split into parts of
 * {@link #PART_ITEMS} images, each reading one label file and one image header per item.
 */
final class YoloReader implements DatasetReader {
  static final int PART_ITEMS = 1000;

  @Override public ReadPlan plan(Path root0, ReadOptions options) throws IOException {
    if (!Files.isDirectory(root0)) throw new InputException(root0, "yolo-layout", "a YOLO dataset is a folder");
    Path root = root0.toAbsolutePath().normalize();
    YoloLayout layout = YoloLayout.of(root, options.limits(), options.problems());
    List<String> keypoints = new ArrayList<>();
    if (layout.kptShape() != null) {
      for (int i = 1; i <= layout.kptShape()[0]; i++) keypoints.add(Integer.toString(i));
    }
    List<LabelDef> labels = new ArrayList<>();
    for (int i = 0; i < layout.names().size(); i++) {
      labels.add(new LabelDef(layout.names().get(i), i, null, null, null, List.of(), keypoints, List.of()));
    }
    Set<String> subsets = new LinkedHashSet<>();
    layout.entries().forEach(e -> {
      if (e.subset() != null) subsets.add(e.subset());
    });
    Map<String, Object> metadata = layout.obb() ? Map.of(YoloFormat.TASK_KEY, YoloFormat.TASK_OBB) : Map.of();
    DatasetSchema schema = new DatasetSchema(root.getFileName() == null ? "" : root.getFileName().toString(),
        metadata, labels, new ArrayList<>(subsets));
    List<ReadPart> parts = new ArrayList<>();
    List<YoloLayout.Entry> entries = uniqueIds(layout.entries());
    for (int from = 0; from < entries.size(); from += PART_ITEMS) {
      parts.add(new YoloPart(root.toString(), new ArrayList<>(layout.names()), layout.kptShape(), layout.obb(),
          new ArrayList<>(entries.subList(from, Math.min(entries.size(), from + PART_ITEMS)))));
    }
    return new ReadPlan(schema, parts);
  }

  /**
   * Item ids are unique in a dataset, but YOLO subsets may reuse a file name
   * ({@code images/train/1.jpg} and {@code images/val/1.jpg}); such ids get their subset as prefix.
   */
  static List<YoloLayout.Entry> uniqueIds(List<YoloLayout.Entry> entries) {
    Map<String, Integer> count = new java.util.HashMap<>();
    entries.forEach(e -> count.merge(e.id(), 1, Integer::sum));
    if (count.size() == entries.size()) return entries;
    List<YoloLayout.Entry> out = new ArrayList<>(entries.size());
    for (YoloLayout.Entry e : entries) {
      boolean clash = count.get(e.id()) > 1 && e.subset() != null;
      out.add(clash ? new YoloLayout.Entry(e.subset() + "/" + e.id(), e.subset(), e.image(), e.label(), e.tag()) : e);
    }
    return out;
  }
}
