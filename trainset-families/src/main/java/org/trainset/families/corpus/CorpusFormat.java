package org.trainset.families.corpus;

import java.util.Optional;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.FormatDetector;

/**
 * AI Hub Korean–English parallel corpus (families doc §1). One model, three containers: the
 * release's xlsx ({@code aihub.corpus}), and TSV / JSON Lines exports
 * ({@code aihub.corpus.tsv}, {@code aihub.corpus.jsonl}) with the same columns. See
 * docs/formats/aihub.corpus.md.
 */
public class CorpusFormat implements Format {
  private final CorpusFlavor flavor;

  public CorpusFormat() {
    this(CorpusFlavor.XLSX);
  }

  protected CorpusFormat(CorpusFlavor flavor) {
    this.flavor = flavor;
  }

  @Override public String id() { return flavor.formatId(); }

  @Override public String description() {
    return switch (flavor) {
      case XLSX -> "AI Hub KO-EN parallel corpus: xlsx per domain (원문/번역문 + domain columns)";
      case TSV -> "AI Hub KO-EN parallel corpus as TSV, one file per domain, same columns as the xlsx";
      case JSONL -> "AI Hub KO-EN parallel corpus as JSON Lines, one file per domain, same columns as the xlsx";
    };
  }

  @Override public FormatDetector detector() { return new CorpusDetector(flavor); }
  @Override public Optional<DatasetReader> reader() { return Optional.of(new CorpusReader(flavor)); }
  @Override public Optional<DatasetWriter> writer() { return Optional.of(new CorpusWriter(flavor)); }

  /** {@code aihub.corpus.tsv}. */
  public static final class Tsv extends CorpusFormat {
    public Tsv() { super(CorpusFlavor.TSV); }
  }

  /** {@code aihub.corpus.jsonl}. */
  public static final class Jsonl extends CorpusFormat {
    public Jsonl() { super(CorpusFlavor.JSONL); }
  }
}
