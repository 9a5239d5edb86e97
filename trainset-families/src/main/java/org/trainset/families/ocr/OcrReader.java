package org.trainset.families.ocr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.trainset.core.io.DatasetFolder;
import org.trainset.core.io.InputException;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.LabelDef;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ProblemSink;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPart;
import org.trainset.core.spi.ReadPlan;

/**
 * One part per {@code *_data_info*.json}. Items of {@code textinthewild_data_info.json} keep
 * their image ids; items of other info files (printed / handwriting crops) are prefixed with the
 * file's stem ({@code printed/00000001}) so ids stay unique across files.
 */
final class OcrReader implements DatasetReader {
  @Override public ReadPlan plan(Path root, ReadOptions options) throws IOException {
    Path dir = Files.isDirectory(root) ? root : root.toAbsolutePath().getParent();
    List<Path> infos = infoFiles(root, options.problems());
    if (infos.isEmpty()) throw new InputException(root, "ocr-missing-info", "no *_data_info.json here");
    List<ReadPart> parts = new ArrayList<>();
    for (Path f : infos) {
      parts.add(new InfoPart(f.toAbsolutePath().toString(), dir.toAbsolutePath().toString(), prefix(f), Files.size(f)));
    }
    DatasetSchema schema = new DatasetSchema(dir.getFileName() == null ? "" : dir.getFileName().toString(), Map.of(),
        List.of(LabelDef.named("word"), LabelDef.named("character"), LabelDef.named("ignored")), List.of());
    return new ReadPlan(schema, parts);
  }

  /** The info files of {@code root}; an info-file name that is no regular file goes to {@code problems}. */
  static List<Path> infoFiles(Path root, ProblemSink problems) throws IOException {
    if (Files.isRegularFile(root)) return isInfo(root) ? List.of(root) : List.of();
    return DatasetFolder.files(root, 1, OcrReader::isInfo, problems);
  }

  static boolean isInfo(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".json") && n.contains("_data_info");
  }

  /** "" for text in the wild, else the stem before {@code _data_info} plus '/'. */
  static String prefix(Path info) {
    String n = info.getFileName().toString();
    String stem = n.substring(0, n.indexOf("_data_info"));
    return stem.equals(OcrFormat.WILD_STEM) ? "" : stem + "/";
  }

  record InfoPart(String path, String root, String prefix, long bytes) implements ReadPart {
    @Override public String describe() { return path; }
    @Override public long estimatedBytes() { return bytes; }

    @Override public ItemCursor open(ReadOptions options) throws IOException {
      return new OcrCursor(options.storage().local(path), prefix, Path.of(root), options);
    }
  }
}
