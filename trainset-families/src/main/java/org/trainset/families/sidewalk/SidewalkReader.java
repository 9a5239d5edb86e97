package org.trainset.families.sidewalk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trainset.core.io.DatasetFolder;
import org.trainset.core.io.InputException;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.LabelDef;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPart;
import org.trainset.core.spi.ReadPlan;

/**
 * One part per release folder, in name order. The root is either a folder holding release
 * folders or one release folder itself; item ids and media paths are relative to the folder
 * holding the release folders. The producer's {@code Sample Data/output|rawdata} layout is read
 * by {@link ProducerLayout} instead.
 */
final class SidewalkReader implements DatasetReader {
  @Override public ReadPlan plan(Path root, ReadOptions options) throws IOException {
    Path dir = root.toAbsolutePath().normalize();
    Path producer = ProducerLayout.base(dir);
    if (producer != null) return new ReadPlan(schema(producer), ProducerLayout.parts(producer, options.problems()), producer.toString());
    List<Path> folders = new ArrayList<>();
    Path base = dir;
    if (SidewalkFolder.of(dir.getFileName().toString()) != null) {
      folders.add(dir);
      base = dir.getParent();
    } else {
      // a release-folder name that is a dangling symlink or a FIFO is reported, not a folder fewer
      folders.addAll(DatasetFolder.folders(dir, p -> SidewalkFolder.of(p.getFileName().toString()) != null,
          options.problems()));
    }
    if (folders.isEmpty()) {
      throw new InputException(root, "sidewalk-layout", "no Bbox_/Polygon_/Surface_/Depth_ folders here");
    }
    List<ReadPart> parts = new ArrayList<>();
    for (Path f : folders) {
      SidewalkFolder kind = SidewalkFolder.of(f.getFileName().toString());
      parts.add(kind == SidewalkFolder.DEPTH ? new DepthPart(base.toString(), f.toString())
          : new AnnotatedPart(base.toString(), f.toString(), kind));
    }
    return new ReadPlan(schema(base), parts, base.toString());
  }

  private static DatasetSchema schema(Path base) {
    List<LabelDef> labels = new ArrayList<>();
    for (String l : SidewalkLabels.OBSTACLES) labels.add(LabelDef.named(l));
    for (String l : SidewalkLabels.SURFACES.keySet()) labels.add(LabelDef.named(l));
    String name = base.getFileName() == null ? "" : base.getFileName().toString();
    return new DatasetSchema(name, Map.of(), labels, List.of());
  }
}
