package org.trainset.formats.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.trainset.core.io.DatasetFolder;
import org.trainset.core.io.InputException;
import org.trainset.core.io.SafePaths;
import org.trainset.core.media.MediaProbe;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaKind;
import org.trainset.core.model.MediaRef;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.issue.Issue;
import org.trainset.core.issue.Severity;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPart;
import org.trainset.core.spi.ReadPlan;

/** Lists the folder once at plan time and splits the file list into parts of {@link #PART_FILES}. */
final class MediaReader implements DatasetReader {
  static final int PART_FILES = 10_000;

  @Override public ReadPlan plan(Path root, ReadOptions options) throws IOException {
    if (!Files.isDirectory(root)) throw new InputException(root, "not-a-folder", "a media dataset is a folder");
    Path csv = root.resolve(MediaFormat.METADATA_CSV);
    MetadataTable table = Files.isRegularFile(csv) ? MetadataTable.read(csv) : MetadataTable.empty();
    List<String> files;
    files = DatasetFolder.files(root, Integer.MAX_VALUE, f -> MediaKinds.of(f).isPresent(), options.problems())
        .stream().map(f -> SafePaths.relative(root, f)).sorted().toList();
    Set<String> matched = new HashSet<>();
    List<ReadPart> parts = new ArrayList<>();
    for (int i = 0; i < files.size(); i += PART_FILES) {
      List<String> chunk = files.subList(i, Math.min(files.size(), i + PART_FILES));
      List<Map<String, Object>> attrs = new ArrayList<>();
      for (String f : chunk) {
        MetadataTable.Row row = table.lookup(f);
        attrs.add(row == null ? Map.of() : row.attributes());
        if (row != null) matched.add(f);
      }
      parts.add(new FilesPart(root.toAbsolutePath().toString(), List.copyOf(chunk), attrs));
    }
    reportOrphanRows(csv, table, files, options);
    return new ReadPlan(new DatasetSchema(root.getFileName() == null ? "" : root.getFileName().toString(),
        Map.of(), List.of(), List.of()), parts);
  }

  private static void reportOrphanRows(Path csv, MetadataTable table, List<String> files, ReadOptions options)
      throws InputException {
    Set<String> names = new HashSet<>(files);
    for (String f : files) names.add(f.substring(f.lastIndexOf('/') + 1));
    for (Map.Entry<String, MetadataTable.Row> e : table.rows().entrySet()) {
      if (!names.contains(e.getKey())) {
        options.problems().report(Issue.at(Severity.WARNING, "metadata-row-without-file", csv.toString(), e.getValue().line(), null, null, "metadata.csv lists '" + e.getKey() + "' but no such media file exists"));
      }
    }
  }

  /** A slice of the listing; attributes are resolved at plan time so a part needs no CSV. */
  record FilesPart(String root, List<String> files, List<Map<String, Object>> attributes) implements ReadPart {
    @Override public String describe() {
      return root + " (" + files.size() + " files from " + files.get(0) + ")";
    }

    @Override public ItemCursor open(ReadOptions options) throws IOException {
      Path base = options.storage().local(root);
      return new ItemCursor() {
        private int next;

        @Override public Item next() throws IOException {
          if (next >= files.size()) return null;
          String rel = files.get(next);
          Map<String, Object> attrs = attributes.get(next);
          next++;
          Path file = base.resolve(rel);
          MediaKind kind = MediaKinds.of(file).orElseThrow();
          MediaRef ref = MediaProbe.probeAll(file, rel)
              .orElse(new MediaRef(kind, rel, null, null, Map.of()));
          ref = new MediaRef(ref.kind(), ref.path(), ref.width(), ref.height(),
              org.trainset.core.model.Attributes.with(ref.info(), "bytes", Files.size(file)));
          return new Item(rel, null, List.of(ref), attrs, List.of());
        }

        @Override public void close() { }
      };
    }
  }
}
