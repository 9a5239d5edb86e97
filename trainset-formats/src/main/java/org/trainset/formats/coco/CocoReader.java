package org.trainset.formats.coco;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trainset.core.io.Json;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.LabelDef;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPart;
import org.trainset.core.spi.ReadPlan;

/**
 * Plans a COCO dataset: one skimming pass per file ({@link CocoFileIndex}) yields the labels and
 * where each file's arrays are; each subset becomes one {@link CocoPart} (its task files are
 * merged by image, as Datumaro does).
 */
final class CocoReader implements DatasetReader {
  @Override public ReadPlan plan(Path root, ReadOptions options) throws IOException {
    Json.preloadMapper(); // categories and info are read into trees after the skim
    List<ReadPart> parts = new ArrayList<>();
    Map<String, LabelDef> labels = new LinkedHashMap<>();
    List<String> subsets = new ArrayList<>();
    Map<String, Object> metadata = new LinkedHashMap<>();
    for (CocoLayout.Source source : CocoLayout.discover(root, options.problems())) {
      List<CocoFileIndex> files = new ArrayList<>();
      for (Path f : source.files()) {
        CocoFileIndex index = CocoFileIndex.scan(f, options.limits());
        files.add(index);
        for (CocoFileIndex.Category c : index.categories()) addLabel(labels, c);
        if (index.info() != null) metadata.putIfAbsent("info", index.info());
        if (index.licenses() != null && !index.licenses().isEmpty()) metadata.putIfAbsent("licenses", index.licenses());
      }
      if (source.subset() != null && !subsets.contains(source.subset())) subsets.add(source.subset());
      parts.add(new CocoPart(source.subset(), source.mediaPrefix(), files));
    }
    String name = root.getFileName() == null ? "" : root.getFileName().toString();
    return new ReadPlan(new DatasetSchema(name, metadata, List.copyOf(labels.values()), subsets), parts);
  }

  /** Labels by name; a later file that gives keypoints (person_keypoints) completes an earlier one. */
  private static void addLabel(Map<String, LabelDef> labels, CocoFileIndex.Category c) {
    LabelDef known = labels.get(c.name());
    if (known != null && (!known.keypoints().isEmpty() || (c.keypoints().isEmpty() && c.skeleton().isEmpty()))) {
      return;
    }
    String parent = c.supercategory().isEmpty() ? null : c.supercategory();
    Integer id = c.id() >= Integer.MIN_VALUE && c.id() <= Integer.MAX_VALUE ? (int) c.id() : null;
    labels.put(c.name(), new LabelDef(c.name(), known != null ? known.id() : id, parent, null, null,
        List.of(), c.keypoints(), c.skeleton()));
  }
}
