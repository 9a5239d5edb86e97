package org.trainset.families.xray;

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
 * One part per sample folder. The schema declares the 38 categories with their original ids so
 * the gaps survive a conversion to COCO. Ids and media paths are relative to the input folder.
 */
final class XrayReader implements DatasetReader {
  @Override public ReadPlan plan(Path root, ReadOptions options) throws IOException {
    Path dir = root.toAbsolutePath().normalize();
    // a sample folder that is a dangling symlink or a FIFO is reported, not dropped with its scans
    List<Path> samples = DatasetFolder.folders(dir, 3, p -> p.getFileName() != null
        && XrayLayout.isSample(p.getFileName().toString()), options.problems());
    if (samples.isEmpty()) {
      throw new InputException(root, "xray-layout", "no Single_Default/Single_Other/Multiple_* sample folders here");
    }
    Path base = samples.size() == 1 && samples.get(0).equals(dir) ? dir.getParent() : dir;
    List<ReadPart> parts = new ArrayList<>();
    for (Path s : samples) parts.add(new XrayPart(base.toString(), s.toString()));
    List<LabelDef> labels = new ArrayList<>();
    XrayCategories.BY_ID.forEach((id, name) -> labels.add(LabelDef.withId(name, id)));
    String name = base.getFileName() == null ? "" : base.getFileName().toString();
    return new ReadPlan(new DatasetSchema(name, Map.of(), labels, List.of()), parts, base.toString());
  }
}
