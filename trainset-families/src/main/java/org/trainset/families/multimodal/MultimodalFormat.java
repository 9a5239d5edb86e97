package org.trainset.families.multimodal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trainset.core.io.InputException;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.FormatDetector;
import org.trainset.core.spi.ReadPart;
import org.trainset.core.spi.ReadPlan;
import org.trainset.families.jsonfiles.FolderPart;
import org.trainset.families.jsonfiles.JsonFiles;

/**
 * AI Hub multimodal video (families doc §5): one JSON per clip with persons, per-frame face and
 * body boxes ({@code visual_results[].image_info[].persons[].person_info}), emotions, timed
 * utterances, objects, relations, situation, intent and strategy. Schema unconfirmed: read
 * tolerantly, unknown keys kept. Read only. See docs/formats/aihub.multimodal.md.
 */
public final class MultimodalFormat implements Format {
  public static final String ID = "aihub.multimodal";

  @Override public String id() { return ID; }
  @Override public String description() {
    return "AI Hub multimodal video: per-clip JSON (visual_results persons/faces/emotions, utterances, relations)";
  }

  @Override public FormatDetector detector() {
    return ctx -> {
      int seen = 0;
      for (Path f : ctx.filesEndingWith(".json")) {
        if (seen++ >= 5) break;
        String head = ctx.headText(f);
        if (head.contains("\"visual_results\"") && (head.contains("\"utterances\"") || head.contains("\"image_info\""))) {
          return FormatDetector.CERTAIN;
        }
      }
      return FormatDetector.NONE;
    };
  }

  @Override public Optional<DatasetReader> reader() {
    return Optional.of(MultimodalFormat::plan);
  }

  @Override public Optional<DatasetWriter> writer() { return Optional.of(new MultimodalWriter()); }

  private static ReadPlan plan(Path root, org.trainset.core.spi.ReadOptions options) throws IOException {
    Path dir = (Files.isDirectory(root) ? root : root.toAbsolutePath().getParent()).toAbsolutePath();
    List<ReadPart> parts = new ArrayList<>();
    for (Path folder : JsonFiles.byFolder(root, 4, options.problems()).keySet()) {
      parts.add(new FolderPart(dir.toString(), folder.toString(), "*.json", MultimodalDocument::parse));
    }
    if (parts.isEmpty()) throw new InputException(root, "multimodal-no-json", "no per-clip JSON documents here");
    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
    return new ReadPlan(new DatasetSchema(name, Map.of(), List.of(), List.of()), parts, dir.toString());
  }
}
