package org.trainset.inspect.mqm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trainset.inspect.review.ErrorSeverity;
import org.trainset.inspect.review.QualityTracker;

/**
 * MQM scores for translated segments, documents and translators:
 * score = 100 − (Σ count × severity weight × type weight) / evaluated words × reference words.
 * Each segment's score also feeds its translator's quality index ({@link QualityTracker}), so a
 * translator whose segments keep failing is moved to full re-inspection like any other worker.
 */
public final class MqmScorer {
  private final MqmConfig config;
  private final QualityTracker tracker;
  private final Map<String, double[]> documents = new TreeMap<>(); // words, penalty, segments
  private final Map<String, double[]> translators = new TreeMap<>();
  private final Map<String, Long> byCategory = new TreeMap<>();
  private long segments;

  public MqmScorer(MqmConfig config) {
    this.config = config;
    this.tracker = new QualityTracker(config.quality());
  }

  /** One marked error on a segment. */
  public record Error(String code, ErrorSeverity severity) { }

  /** A translated segment and what the evaluator marked. */
  public record Segment(String document, String segment, String translator, long words, List<Error> errors) { }

  /** A score with its inputs. */
  public record Score(String key, long words, double penalty, double score, boolean pass) { }

  /** Scores one segment (unknown codes are an {@link IllegalArgumentException}). */
  public Score add(Segment s) {
    if (s.words() <= 0) throw new IllegalArgumentException("segment " + s.segment() + " has no evaluated words");
    double penalty = 0;
    for (Error e : s.errors()) {
      MqmConfig.Code code = config.codes().get(e.code());
      if (code == null) {
        throw new IllegalArgumentException("unknown error code '" + e.code() + "'; known: " + config.codes().keySet());
      }
      penalty += config.severities().getOrDefault(e.severity(), 0.0) * code.weight();
      byCategory.merge(code.category(), 1L, Long::sum);
    }
    segments++;
    accumulate(documents, s.document(), s.words(), penalty);
    accumulate(translators, s.translator(), s.words(), penalty);
    Score score = score(s.segment(), s.words(), penalty);
    tracker.observe(s.translator(), score.score(), !score.pass(), s.segment());
    return score;
  }

  private static void accumulate(Map<String, double[]> map, String key, long words, double penalty) {
    double[] v = map.computeIfAbsent(key == null ? "" : key, k -> new double[3]);
    v[0] += words;
    v[1] += penalty;
    v[2]++;
  }

  /** The MQM score of {@code penalty} points over {@code words} evaluated words. */
  public Score score(String key, long words, double penalty) {
    double score = 100 - penalty / words * config.referenceWords();
    return new Score(key, words, penalty, score, score >= config.passThreshold());
  }

  public List<Score> documentScores() {
    return scores(documents);
  }

  public List<Score> translatorScores() {
    return scores(translators);
  }

  private List<Score> scores(Map<String, double[]> map) {
    List<Score> out = new ArrayList<>();
    map.forEach((k, v) -> out.add(score(k, (long) v[0], v[1])));
    return out;
  }

  public Map<String, Long> errorsByCategory() {
    return Map.copyOf(byCategory);
  }

  public long segments() {
    return segments;
  }

  public QualityTracker quality() {
    return tracker;
  }
}
