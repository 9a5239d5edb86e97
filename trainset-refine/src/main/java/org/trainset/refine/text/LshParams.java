package org.trainset.refine.text;

/**
 * Banded LSH over a MinHash signature: {@code bands} bands of {@code rows} values each. Two
 * texts of Jaccard similarity J share a band with probability P(J) = 1 − (1 − J^rows)^bands,
 * the S-curve. {@link #choose} picks, among all bands × rows ≤ permutations, the steepest curve
 * (most rows) whose P at the threshold itself still reaches the target, so recall is high at the
 * threshold and not only above it, while pairs well below it rarely become candidates.
 */
public record LshParams(int bands, int rows) implements java.io.Serializable {
  public LshParams {
    if (bands < 1 || rows < 1) throw new IllegalArgumentException("bands and rows must be positive");
  }

  /** Probability that a pair with Jaccard similarity {@code j} becomes a candidate. */
  public double probability(double j) {
    return 1 - Math.pow(1 - Math.pow(j, rows), bands);
  }

  /** The similarity where the S-curve is steepest, about (1/bands)^(1/rows). */
  public double inflection() {
    return Math.pow(1.0 / bands, 1.0 / rows);
  }

  public static LshParams choose(double threshold, int permutations, double targetProbability) {
    LshParams best = null;
    for (int rows = 1; rows <= permutations; rows++) {
      int bands = permutations / rows;
      LshParams p = new LshParams(bands, rows);
      if (p.probability(threshold) >= targetProbability) best = p;
    }
    if (best == null) best = new LshParams(permutations, 1);
    return best;
  }
}
