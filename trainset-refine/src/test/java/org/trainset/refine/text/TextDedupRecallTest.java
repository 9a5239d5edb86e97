package org.trainset.refine.text;

import org.trainset.testkit.text.KoreanCorpusGenerator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trainset.core.progress.Progress;

/** The recall harness on a small corpus: planted near duplicates at known similarities, exact all-pairs truth. */
class TextDedupRecallTest {
  private static final DedupConfig CONFIG = DedupConfig.DEFAULT;

  private static DedupResult run(List<KoreanCorpusGenerator.Sentence> corpus, String[] norm, long seed) {
    String[] ids = corpus.stream().map(KoreanCorpusGenerator.Sentence::id).toArray(String[]::new);
    return new TextDeduplicator(CONFIG.withSeed(seed)).run(ids, norm, null, Progress.NONE);
  }

  @Test void recallAtLeast95PercentInEveryBinAtOrAboveTheThresholdAndNoFalseHits() {
    List<KoreanCorpusGenerator.Sentence> corpus = new KoreanCorpusGenerator(7).corpus(6000, 0.4);
    String[] norm = corpus.stream().map(s -> TextNormalizer.normalize(s.text())).toArray(String[]::new);
    DedupResult result = run(corpus, norm, 42);
    int[] sample = RecallHarness.enrichedSample(corpus, 1500, 500, 3);
    RecallHarness.Report report = RecallHarness.measure(sample, norm, result, CONFIG);
    System.out.print(RecallHarness.describe(report, CONFIG.threshold()));
    for (RecallHarness.Bin b : report.bins()) {
      if (b.low() >= CONFIG.threshold()) {
        assertTrue(b.pairs() >= 40, "bin " + b.low() + " needs enough planted pairs to mean something: " + b.pairs());
        assertTrue(b.recall() >= 0.95, "recall in bin " + b.low() + " is " + b.recall());
      } else {
        assertEquals(0, b.flaggedBelowThreshold(), "pairs below the threshold must never be reported");
      }
    }
    assertTrue(report.bins().get(3).pairs() > 20, "the 0.80-0.85 bin is populated, so the threshold edge is tested");
    assertEquals(1.0, report.precision());
    for (DedupResult.Pair p : result.pairs()) {
      double j = Shingles.jaccard(Shingles.of(norm[p.first()], 3), Shingles.of(norm[p.second()], 3));
      assertTrue(j >= CONFIG.threshold(), "verified pair below threshold: " + j);
      assertEquals(j, p.similarity(), 1e-12);
    }
  }

  @Test void clustersKeepTheLowestIdAndEveryRemovalNamesItsRepresentative() {
    List<KoreanCorpusGenerator.Sentence> corpus = new KoreanCorpusGenerator(11).corpus(2000, 0.3);
    String[] norm = corpus.stream().map(s -> TextNormalizer.normalize(s.text())).toArray(String[]::new);
    DedupResult result = run(corpus, norm, 42);
    assertTrue(result.removedCount() > 200, "planted copies are removed: " + result.removedCount());
    for (DedupResult.Removal r : result.removals()) {
      assertTrue(IdOrder.INSTANCE.compare(corpus.get(r.representative()).id(), corpus.get(r.index()).id()) < 0);
      assertTrue(!result.removed()[r.representative()], "the representative is kept");
    }
  }

  @Test void sameSeedSameDecisions() {
    List<KoreanCorpusGenerator.Sentence> corpus = new KoreanCorpusGenerator(5).corpus(3000, 0.3);
    String[] norm = corpus.stream().map(s -> TextNormalizer.normalize(s.text())).toArray(String[]::new);
    DedupResult a = run(corpus, norm, 9);
    DedupResult b = run(corpus, norm, 9);
    assertArrayEquals(a.removed(), b.removed());
    assertEquals(a.removals(), b.removals());
    assertEquals(a.pairs(), b.pairs());
  }

  @Test void bandsAndRowsGiveHighCandidateProbabilityAtTheThresholdItself() {
    LshParams p = LshParams.choose(0.85, 128, 0.97);
    assertEquals(new LshParams(14, 9), p);
    assertTrue(p.probability(0.85) >= 0.97 && p.probability(0.85) < 0.98, "P(0.85) = " + p.probability(0.85));
    assertTrue(p.probability(0.5) < 0.03, "pairs at 0.5 rarely become candidates: " + p.probability(0.5));
  }
}
