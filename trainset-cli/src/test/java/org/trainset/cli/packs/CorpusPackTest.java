package org.trainset.cli.packs;

import java.util.Map;

/** aihub.corpus: xlsx release layout; the sample allocates domains in the release's 8:1:1:1:4:1. */
class CorpusPackTest extends FamilyPackContract {
  @Override String family() { return "aihub.corpus"; }

  @Override Map<String, String> ruleForKind() {
    return Map.of(
        "omission", "corpus.target-text",
        "untranslated", "corpus.target-untranslated",
        "number-mismatch", "corpus.numbers");
  }

  @Override Map<String, String> outOfReach() {
    // Near-duplicate removal (85% similarity) is the refine stage's job (trainset dedup); an
    // inspection rule would have to remember every sentence of 1.6M.
    return Map.of("duplicate", "refine stage: trainset dedup");
  }

  /** 6 + 96 items: every domain's share within 2% of 8:1:1:1:4:1, so the composition warning stays quiet. */
  @Override int defectItems() { return 102; }
}
