package org.trainset.refine.textio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.spi.DetectionContext;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPart;
import org.trainset.core.spi.ReadPlan;

/** What the one-file sentence formats (text-jsonl, text-tsv) share: recognised by their first line, read as one part. */
final class SentenceFiles {
  private SentenceFiles() {}

  /** The first line of the file being detected, stripped; null for a folder or anything but a regular file. */
  static String firstLine(DetectionContext ctx) throws IOException {
    if (ctx.isDirectory() || !Files.isRegularFile(ctx.root())) return null;
    return ctx.firstLine(ctx.root()).strip();
  }

  /** The plan of a one-file dataset: the size check, then {@code part} reads the whole file. */
  static ReadPlan oneFilePlan(Path file, ReadOptions options, ReadPart part) throws IOException {
    options.limits().checkFileSize(file);
    return new ReadPlan(DatasetSchema.empty().withLabelsAdded(List.of(TextItems.LABEL)), List.of(part));
  }
}
