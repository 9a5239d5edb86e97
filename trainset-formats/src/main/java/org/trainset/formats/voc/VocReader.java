package org.trainset.formats.voc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trainset.core.model.AttributeSpec;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.LabelDef;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPart;
import org.trainset.core.spi.ReadPlan;

/**
 * Plans a VOC dataset: lists its items (see {@link VocLayout}), builds the label schema from
 * {@code labelmap.txt} or else a pass over the annotation files (VOC declares labels nowhere else),
 * and splits the items into parts of {@link #PART_ITEMS}, each reading one XML file per item.
 */
final class VocReader implements DatasetReader {
  static final int PART_ITEMS = 1000;

  @Override public ReadPlan plan(Path root, ReadOptions options) throws IOException {
    Path dir = Files.isDirectory(root) ? root : root.toAbsolutePath().getParent();
    List<VocLabelMap.Entry> map = List.of();
    Path labelmap = dir.resolve(VocFormat.LABELMAP);
    if (Files.isDirectory(root) && org.trainset.core.io.DatasetFolder.present(labelmap)) map = VocLabelMap.read(labelmap);
    Set<String> known = new LinkedHashSet<>();
    map.forEach(e -> known.add(e.name()));

    List<VocLayout.Entry> entries = Files.isDirectory(root) && VocLayout.isStandard(root)
        ? VocLayout.standard(root, known, options.problems()) : VocLayout.flat(root, options.problems());
    DatasetSchema schema = new DatasetSchema(dir.getFileName() == null ? "" : dir.getFileName().toString(),
        Map.of(), labels(dir, entries, map, options), subsets(entries));

    VocSegmentation.Classes classes = VocSegmentation.Classes.of(map);
    List<ReadPart> parts = new ArrayList<>();
    String rootText = dir.toAbsolutePath().normalize().toString();
    for (int from = 0; from < entries.size(); from += PART_ITEMS) {
      List<VocLayout.Entry> slice = entries.subList(from, Math.min(entries.size(), from + PART_ITEMS));
      parts.add(new VocPart(rootText, new ArrayList<>(slice), classes));
    }
    return new ReadPlan(schema, parts);
  }

  /**
   * With a {@code labelmap.txt} its labels are the schema (a label used in a file but missing
   * from the map is then undeclared, which {@code validate} reports). Without one, VOC declares
   * labels nowhere, so one pass over the annotation files collects labels, parts and actions.
   */
  private static List<LabelDef> labels(Path dir, List<VocLayout.Entry> entries,
                                       List<VocLabelMap.Entry> map, ReadOptions options) throws IOException {
    if (!map.isEmpty()) return VocLabelMap.labels(map);
    Map<String, LabelDef> labels = new LinkedHashMap<>();
    for (VocLayout.Entry e : entries) {
      if (e.xml() == null) continue;
      VocXmlParser.Parsed p = VocXmlParser.parse(dir.resolve(e.xml()), options.limits());
      p.annotations().forEach(a -> labels.putIfAbsent(a.label(), LabelDef.named(a.label())));
      p.actionsByLabel().forEach((label, actions) -> labels.put(label, withActions(labels.get(label), actions)));
    }
    // Segmentation maps hold class indices of the VOC palette, whose classes are then declared too.
    if (Files.isDirectory(dir.resolve(VocSegmentation.CLASS_DIR)) || Files.isDirectory(dir.resolve(VocSegmentation.OBJECT_DIR))) {
      for (String c : VocSegmentation.VOC_CLASSES.subList(1, VocSegmentation.VOC_CLASSES.size())) {
        labels.putIfAbsent(c, LabelDef.named(c));
      }
    }
    return new ArrayList<>(labels.values());
  }

  private static LabelDef withActions(LabelDef l, Set<String> actions) {
    List<AttributeSpec> specs = new ArrayList<>(l.attributes());
    boolean added = false;
    for (String a : actions) {
      if (specs.stream().noneMatch(s -> s.name().equals(a))) {
        specs.add(VocLabelMap.actionSpec(a));
        added = true;
      }
    }
    return added ? new LabelDef(l.name(), l.id(), l.parent(), l.color(), l.type(), specs, l.keypoints(), l.skeleton()) : l;
  }

  private static List<String> subsets(List<VocLayout.Entry> entries) {
    Set<String> s = new LinkedHashSet<>();
    for (VocLayout.Entry e : entries) {
      if (e.subset() != null) s.add(e.subset());
    }
    return new ArrayList<>(s);
  }
}
