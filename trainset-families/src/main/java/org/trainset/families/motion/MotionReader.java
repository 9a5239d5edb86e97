package org.trainset.families.motion;

import java.io.IOException;
import java.nio.file.Files;
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
import org.trainset.families.jsonfiles.FolderPart;

/**
 * One part per camera folder of {@code Annotation/2D}; one item per frame document, joined with
 * the take's 3D positions and the camera's parameters when {@code Annotation/3D} has them.
 */
final class MotionReader implements DatasetReader {
  static final String LABEL = "person";

  @Override public ReadPlan plan(Path root, ReadOptions options) throws IOException {
    Path dir = root.toAbsolutePath();
    Path twoD = dir.resolve("Annotation/2D");
    if (!Files.isDirectory(twoD)) throw new InputException(root, "motion-layout", "no Annotation/2D folder here");
    List<ReadPart> parts = new ArrayList<>();
    // a camera folder that is a dangling symlink or a FIFO is reported, not dropped with its frames
    for (Path camera : DatasetFolder.folders(twoD, 2, p -> twoD.relativize(p).getNameCount() == 2, options.problems())) {
      parts.add(new FolderPart(dir.toString(), camera.toString(), "*.json", MotionDocument::parse));
    }
    LabelDef person = new LabelDef(LABEL, 1, null, null, "skeleton", List.of(), MotionNames.JOINTS, MotionNames.BONES);
    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
    return new ReadPlan(new DatasetSchema(name, Map.of(), List.of(person), List.of()), parts, dir.toString());
  }
}
