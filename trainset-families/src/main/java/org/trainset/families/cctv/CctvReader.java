package org.trainset.families.cctv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
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
    List<Path> xmls = Files.isRegularFile(root) ? List.of(root) : xmlFiles(dir);
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

  static List<Path> xmlFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir, 3)) {
      return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().toLowerCase().endsWith(".xml"))
          .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    }
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
