package org.trainset.families.corpus;

/** The contract for aihub.corpus.jsonl, on the generator's corpus exported to JSON Lines. */
class CorpusJsonlFormatTest extends CorpusExportContract {
  @Override protected String formatId() { return "aihub.corpus.jsonl"; }
  @Override CorpusFlavor flavor() { return CorpusFlavor.JSONL; }
}
