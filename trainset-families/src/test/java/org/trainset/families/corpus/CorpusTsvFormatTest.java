package org.trainset.families.corpus;

/** The contract for aihub.corpus.tsv, on the generator's corpus exported to TSV. */
class CorpusTsvFormatTest extends CorpusExportContract {
  @Override protected String formatId() { return "aihub.corpus.tsv"; }
  @Override CorpusFlavor flavor() { return CorpusFlavor.TSV; }
}
