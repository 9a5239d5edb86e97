package org.trainset.refine.text;

/**
 * Near-duplicate settings.
 *
 * @param threshold         Jaccard similarity at or above which two texts are duplicates (seed: 0.85)
 * @param ngram             character n-gram length of the shingles (default 3; see {@link Shingles})
 * @param permutations      MinHash signature length (default 128)
 * @param targetProbability the least probability that a pair exactly at the threshold becomes an
 *                          LSH candidate; bands and rows are derived from it ({@link LshParams#choose})
 * @param seed              MinHash seed: same seed, same input → byte-identical output
 */
public record DedupConfig(double threshold, int ngram, int permutations, double targetProbability, long seed) implements java.io.Serializable {
  public static final DedupConfig DEFAULT = new DedupConfig(0.85, 3, 128, 0.97, 42);

  public DedupConfig {
    if (!(threshold > 0 && threshold <= 1)) throw new IllegalArgumentException("threshold must be in (0, 1]");
    if (ngram < 1 || ngram > 32) throw new IllegalArgumentException("n-gram length must be 1..32");
    if (permutations < 1 || permutations > 1024) throw new IllegalArgumentException("permutations must be 1..1024");
    if (!(targetProbability > 0 && targetProbability < 1)) throw new IllegalArgumentException("target probability must be in (0, 1)");
  }

  public DedupConfig withThreshold(double t) { return new DedupConfig(t, ngram, permutations, targetProbability, seed); }
  public DedupConfig withNgram(int n) { return new DedupConfig(threshold, n, permutations, targetProbability, seed); }
  public DedupConfig withSeed(long s) { return new DedupConfig(threshold, ngram, permutations, targetProbability, s); }

  public LshParams lsh() {
    return LshParams.choose(threshold, permutations, targetProbability);
  }
}
