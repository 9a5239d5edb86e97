package org.trainset.refine.text;

import org.trainset.testkit.text.KoreanCorpusGenerator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Measures a dedup run against ground truth: exact all-pairs Jaccard over a sample of items
 * (enriched with planted near duplicates), binned by true similarity. A true pair counts as found
 * when the run verified it, directly or through the texts it kept of their exact groups. Recall per
 * bin at or above the threshold; in bins below it every found pair would be a false hit.
 */
public final class RecallHarness {
  private RecallHarness() {}

  /** One similarity bin [low, high). */
  public record Bin(double low, double high, long pairs, long found, long flaggedBelowThreshold) {
    public double recall() {
      return pairs == 0 ? Double.NaN : (double) found / pairs;
    }
  }

  /** Per-bin figures plus overall precision (verified pairs with true J ≥ threshold / verified pairs). */
  public record Report(List<Bin> bins, long sampledItems, long truePairs, long reportedPairs, double precision) {}

  public static final double[] EDGES = {0.50, 0.60, 0.70, 0.80, 0.85, 0.90, 0.95, 1.0000001};

  /**
   * @param sample   input indexes to compare all-pairs (a few thousand)
   * @param texts    normalised texts by input index
   */
  public static Report measure(int[] sample, String[] texts, DedupResult result, DedupConfig config) {
    Set<Long> verified = new HashSet<>();
    Set<Integer> inSample = new HashSet<>();
    for (int i : sample) inSample.add(i);
    long reported = 0, reportedTrue = 0;
    for (DedupResult.Pair p : result.pairs()) {
      verified.add(((long) p.first() << 32) | p.second());
      if (inSample.contains(p.first()) && inSample.contains(p.second())) {
        reported++;
        double j = jaccard(texts, p.first(), p.second(), config.ngram());
        if (j >= config.threshold() || texts[p.first()].equals(texts[p.second()])) reportedTrue++;
      }
    }
    long[][] shingles = new long[sample.length][];
    IntStream.range(0, sample.length).parallel().forEach(k -> shingles[k] = Shingles.of(texts[sample[k]], config.ngram()));
    int nb = EDGES.length - 1;
    long[] pairs = new long[nb], found = new long[nb];
    for (int x = 0; x < sample.length; x++) {
      if (texts[sample[x]].isEmpty()) continue;
      for (int y = x + 1; y < sample.length; y++) {
        double j = Shingles.jaccard(shingles[x], shingles[y]);
        int bin = binOf(j);
        if (bin < 0) continue;
        int ca = result.canonical()[sample[x]], cb = result.canonical()[sample[y]];
        int a = Math.min(ca, cb), b = Math.max(ca, cb);
        boolean hit = a == b || verified.contains(((long) a << 32) | b);
        pairs[bin]++;
        if (hit) found[bin]++;
      }
    }
    List<Bin> bins = new ArrayList<>();
    long truePairs = 0;
    for (int b = 0; b < nb; b++) {
      boolean below = EDGES[b] < config.threshold();
      bins.add(new Bin(EDGES[b], Math.min(1.0, EDGES[b + 1]), pairs[b], below ? 0 : found[b], below ? found[b] : 0));
      if (!below) truePairs += pairs[b];
    }
    double precision = reported == 0 ? 1.0 : (double) reportedTrue / reported;
    return new Report(bins, sample.length, truePairs, reported, precision);
  }

  private static int binOf(double j) {
    for (int b = EDGES.length - 2; b >= 0; b--) if (j >= EDGES[b]) return b;
    return -1;
  }

  private static double jaccard(String[] texts, int a, int b, int n) {
    return Shingles.jaccard(Shingles.of(texts[a], n), Shingles.of(texts[b], n));
  }

  /** Items to sample: both ends of up to {@code plantedPairs} planted copies plus {@code background} random items. */
  public static int[] enrichedSample(List<KoreanCorpusGenerator.Sentence> corpus, int plantedPairs, int background, long seed) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    Set<Integer> picked = new java.util.TreeSet<>();
    int planted = 0;
    for (int i = 0; i < corpus.size() && planted < plantedPairs; i++) {
      if (corpus.get(i).copiedFrom() >= 0) {
        picked.add(i);
        picked.add(corpus.get(i).copiedFrom());
        planted++;
      }
    }
    for (int k = 0; k < background; k++) picked.add(r.nextInt(corpus.size()));
    return picked.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Thresholded bins as text lines for reports. */
  public static String describe(Report r, double threshold) {
    StringBuilder sb = new StringBuilder();
    for (Bin b : r.bins()) {
      if (b.low() >= threshold) {
        sb.append(String.format("  J in [%.2f, %.2f): %6d pairs, found %6d, recall %.4f%n", b.low(), b.high(), b.pairs(), b.found(), b.recall()));
      } else {
        sb.append(String.format("  J in [%.2f, %.2f): %6d pairs, wrongly flagged %d%n", b.low(), b.high(), b.pairs(), b.flaggedBelowThreshold()));
      }
    }
    sb.append(String.format("  sampled items %d, true pairs %d, reported pairs in sample %d, precision %.4f%n",
        r.sampledItems(), r.truePairs(), r.reportedPairs(), r.precision()));
    return sb.toString();
  }
}
