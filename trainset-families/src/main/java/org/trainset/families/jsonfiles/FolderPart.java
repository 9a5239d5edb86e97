package org.trainset.families.jsonfiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.trainset.core.model.Item;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPart;

/**
 * The documents of one folder, read one at a time (the folder is listed when the part opens, so
 * a plan stays small however many files a folder holds).
 */
public record FolderPart(String root, String folder, String glob, DocumentParser parser) implements ReadPart {
  @Override public String describe() {
    return folder;
  }

  @Override public ItemCursor open(ReadOptions options) throws IOException {
    Path dir = options.storage().local(folder);
    java.nio.file.PathMatcher m = dir.getFileSystem().getPathMatcher("glob:" + glob);
    List<Path> files = JsonFiles.listJson(dir, options.problems()).stream().filter(p -> m.matches(p.getFileName())).toList();
    Path rootPath = Path.of(root); // names only: item ids are relative to the dataset root
    return new ItemCursor() {
      private int next;
      private long bytes;

      @Override public Item next() throws IOException {
        if (next >= files.size()) return null;
        Path f = files.get(next++);
        bytes += java.nio.file.Files.size(f);
        return parser.parse(rootPath, f, JsonFiles.read(f, options.limits()), options);
      }

      @Override public long bytesRead() {
        return bytes;
      }

      @Override public void close() {}
    };
  }
}
