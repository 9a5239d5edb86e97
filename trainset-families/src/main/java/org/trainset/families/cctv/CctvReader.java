package org.trainset.families.cctv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trainset.core.io.DatasetFolder;
import org.trainset.core.io.InputException;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPart;
import org.trainset.core.spi.ReadPlan;

/** One part per category folder; each part reads its clips' XML (and MP4 headers) one by one. */
final class CctvReader implements DatasetReader {
  @Override public ReadPlan plan(Path root, ReadOptions options) throws IOException {
    Path dir = Files.isDirectory(root) ? root : root.toAbsolutePath().getParent();
    List<Path> xmls = Files.isRegularFile(root) ? List.of(root) : xmlFiles(dir, options);
    if (xmls.isEmpty()) throw new InputException(root, "cctv-empty", "no clip XML files here");
    Map<String, List<String>> byFolder = new TreeMap<>();
    for (Path x : xmls) {
      byFolder.computeIfAbsent(x.getParent().toString(), k -> new ArrayList<>()).add(x.toAbsolutePath().toString());
    }
    List<ReadPart> parts = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : byFolder.entrySet()) {
      parts.add(new FolderPart(dir.toAbsolutePath().toString(), e.getValue()));
    }
    return new ReadPlan(new DatasetSchema(dir.getFileName() == null ? "" : dir.getFileName().toString(), Map.of(),
        List.of(), List.of()), parts);
  }

  /** The clip XMLs under {@code dir}, sorted; a dangling symlink or a FIFO named like one is reported, not dropped. */
  static List<Path> xmlFiles(Path dir, ReadOptions options) throws IOException {
    return DatasetFolder.files(dir, 3, p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xml")
        && !p.getFileName().toString().startsWith("."), options.problems());
  }

  record FolderPart(String root, List<String> xmls) implements ReadPart {
    @Override public String describe() {
      return xmls.isEmpty() ? root : Path.of(xmls.get(0)).getParent().toString();
    }

    @Override public ItemCursor open(ReadOptions options) {
      return new ItemCursor() {
        private int next;

        @Override public Item next() throws IOException {
          if (next >= xmls.size()) return null;
          return CctvClipReader.read(options.storage().local(root), options.storage().local(xmls.get(next++)), options);
        }

        @Override public void close() { }
      };
    }
  }
}
