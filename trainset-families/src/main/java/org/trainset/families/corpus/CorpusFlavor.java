package org.trainset.families.corpus;

import java.io.IOException;
import java.nio.file.Path;
import org.trainset.core.io.ParseLimits;

/** The three containers the corpus comes in; each is its own format id sharing one model. */
public enum CorpusFlavor {
  XLSX("aihub.corpus", ".xlsx"),
  TSV("aihub.corpus.tsv", ".tsv"),
  JSONL("aihub.corpus.jsonl", ".jsonl");

  private final String formatId;
  private final String extension;

  CorpusFlavor(String formatId, String extension) {
    this.formatId = formatId;
    this.extension = extension;
  }

  public String formatId() { return formatId; }
  public String extension() { return extension; }

  RowSource open(Path file, ParseLimits limits) throws IOException {
    limits.checkFileSize(file);
    return switch (this) {
      case XLSX -> new XlsxRows(file, limits);
      case TSV -> new TsvRows(file);
      case JSONL -> new JsonlRows(file, limits);
    };
  }
}
