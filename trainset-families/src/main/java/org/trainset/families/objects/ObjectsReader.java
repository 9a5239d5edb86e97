package org.trainset.families.objects;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trainset.core.io.InputException;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPart;
import org.trainset.core.spi.ReadPlan;
import org.trainset.families.jsonfiles.FolderPart;
import org.trainset.families.jsonfiles.JsonFiles;

/** One part per folder of per-image JSON documents; one item per document. */
final class ObjectsReader implements DatasetReader {
  @Override public ReadPlan plan(Path root, ReadOptions options) throws IOException {
    Path dir = (Files.isDirectory(root) ? root : root.toAbsolutePath().getParent()).toAbsolutePath();
    List<ReadPart> parts = new ArrayList<>();
    for (Path folder : JsonFiles.byFolder(root, 8, options.problems()).keySet()) {
      parts.add(new FolderPart(dir.toString(), folder.toString(), "*.json", ObjectsDocument::parse));
    }
    if (parts.isEmpty()) throw new InputException(root, "objects-no-json", "no per-image JSON documents here");
    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
    return new ReadPlan(new DatasetSchema(name, Map.of(), List.of(), List.of()), parts, dir.toString());
  }
}
