package org.trainset.inspect.mqm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trainset.inspect.review.ErrorSeverity;
import org.trainset.inspect.review.QualityTracker;

/** MQM formula, category mapping, configuration and the translator quality index. */
class MqmScorerTest {
  private static MqmScorer.Error e(String code, ErrorSeverity s) {
    return new MqmScorer.Error(code, s);
  }

  @Test void segmentDocumentAndTranslatorScores() {
    MqmScorer m = new MqmScorer(MqmConfig.aihubCorpus());
    // 1 major ACm (5) + 2 minor FLa (2) = 7 points over 500 words, normalised to 1000 -> 100 - 14 = 86.
    MqmScorer.Score s1 = m.add(new MqmScorer.Segment("news-1", "s1", "t1", 500,
        List.of(e("ACm", ErrorSeverity.MAJOR), e("FLa", ErrorSeverity.MINOR), e("FLa", ErrorSeverity.MINOR))));
    assertEquals(86.0, s1.score(), 1e-12);
    assertEquals(false, s1.pass());
    // A clean 1500-word segment of the same document: 7 points over 2000 words -> 96.5.
    assertEquals(100.0, m.add(new MqmScorer.Segment("news-1", "s2", "t1", 1500, List.of())).score());
    assertEquals(96.5, m.documentScores().get(0).score(), 1e-12);
    assertEquals(true, m.documentScores().get(0).pass());
    assertEquals(java.util.Map.of("Accuracy/Mistranslation", 1L, "Style/Awkward", 2L), m.errorsByCategory());
    assertThrows(IllegalArgumentException.class, () -> m.add(new MqmScorer.Segment("d", "s", "t", 10,
        List.of(e("XX", ErrorSeverity.MINOR)))));
  }

  @Test void configurationChangesWeightsReferenceAndThreshold() throws Exception {
    MqmConfig c = MqmConfig.parse(new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        "{\"reference-words\": 100, \"pass-threshold\": 80, \"severities\": {\"major\": 10},"
            + " \"codes\": {\"ACm\": {\"category\": \"Accuracy/Mistranslation\", \"weight\": 2}}}"));
    MqmScorer m = new MqmScorer(c);
    // 1 major (10) x type weight 2 = 20 points over 200 words, per 100 -> 90.
    assertEquals(90.0, m.add(new MqmScorer.Segment("d", "s", "t", 200, List.of(e("ACm", ErrorSeverity.MAJOR)))).score(), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> m.add(new MqmScorer.Segment("d", "s", "t", 9,
        List.of(e("FLg", ErrorSeverity.MINOR)))), "only the configured codes exist");
  }

  @Test void failingTranslatorIsEscalated() {
    MqmScorer m = new MqmScorer(MqmConfig.aihubCorpus()); // threshold 90 over 20+ segments
    for (int i = 0; i < 19; i++) m.add(new MqmScorer.Segment("d", "s" + i, "t2", 100, List.of()));
    // Segment scores: 100 x 19, then one critical error over 100 words -> 100 - 100 = 0: mean 95.
    m.add(new MqmScorer.Segment("d", "s19", "t2", 100, List.of(e("ACo", ErrorSeverity.CRITICAL))));
    assertEquals(QualityTracker.Mode.SAMPLED, m.quality().mode("t2"));
    m.add(new MqmScorer.Segment("d", "s20", "t2", 100, List.of(e("ACo", ErrorSeverity.CRITICAL))));
    // 19 x 100 + 0 + 0 over 21 -> 90.48, still not below 90; a third failure drops it to 86.4.
    assertEquals(QualityTracker.Mode.SAMPLED, m.quality().mode("t2"));
    m.add(new MqmScorer.Segment("d", "s21", "t2", 100, List.of(e("ACo", ErrorSeverity.CRITICAL))));
    assertEquals(QualityTracker.Mode.FULL, m.quality().mode("t2"));
  }
}
