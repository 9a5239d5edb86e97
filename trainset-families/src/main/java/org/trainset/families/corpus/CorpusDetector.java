package org.trainset.families.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.trainset.core.spi.DetectionContext;
import org.trainset.core.spi.FormatDetector;

/**
 * xlsx: corpus file names ({@code 1_구어체(1)_200226.xlsx}) are certain, other xlsx plausible.
 * TSV and JSONL: the first line names the 원문 and 번역문 columns (or ko/en keys).
 */
final class CorpusDetector implements FormatDetector {
  private static final Pattern JSON_KEYS = Pattern.compile(
      "\"(원문|ko)\"\\s*:[\\s\\S]*\"(번역문|en)\"\\s*:|\"(번역문|en)\"\\s*:[\\s\\S]*\"(원문|ko)\"\\s*:");
  private final CorpusFlavor flavor;

  CorpusDetector(CorpusFlavor flavor) {
    this.flavor = flavor;
  }

  @Override public double detect(DetectionContext ctx) throws IOException {
    if (ctx.isDirectory() && Files.isRegularFile(ctx.root().resolve("dataset.json"))) return NONE;
    List<Path> files = ctx.filesEndingWith(flavor.extension());
    if (files.isEmpty()) return NONE;
    double best = NONE;
    for (Path f : files.subList(0, Math.min(files.size(), 50))) {
      best = Math.max(best, detectFile(ctx, f));
      if (best >= CERTAIN) break;
    }
    return best;
  }

  private double detectFile(DetectionContext ctx, Path f) throws IOException {
    String name = f.getFileName().toString();
    if (name.startsWith("~$") || name.startsWith(".")) return NONE;
    switch (flavor) {
      case XLSX -> {
        byte[] head = ctx.head(f);
        boolean zip = head.length > 3 && head[0] == 'P' && head[1] == 'K';
        if (!zip) return NONE;
        return CorpusDomain.fromFileName(name) != null ? CERTAIN : PLAUSIBLE;
      }
      case TSV -> {
        String first = withoutBom(ctx.firstLine(f));
        List<String> cols = List.of(first.split("\t", -1));
        return cols.contains(CorpusDomain.SOURCE) && cols.contains(CorpusDomain.TARGET) ? CERTAIN : NONE;
      }
      default -> {
        String first = withoutBom(ctx.firstLine(f));
        return first.startsWith("{") && JSON_KEYS.matcher(first).find() ? CERTAIN : NONE;
      }
    }
  }

  private static String withoutBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }
}
