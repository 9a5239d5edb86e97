package org.trainset.eval.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A requested split and the algorithm it selects. {@code folds > 0} asks for k folds (fold names
 * {@code fold-0 .. fold-(k-1)}), otherwise {@code ratios} with {@code names}. Stratification and
 * grouping are decided by whether samples carry classes and groups.
 */
public record SplitPlan(int folds, double[] ratios, List<String> names, long seed, boolean shuffle) {

  /** The algorithm that runs for these samples, as a short name for reports. */
  public String algorithm(boolean stratified, boolean grouped) {
    if (folds <= 0) return "ratios" + (stratified ? ", stratified" : "") + (grouped ? ", grouped" : "") + ", seed " + seed;
    if (stratified && grouped) return shuffle ? "StratifiedGroupKFold (shuffled, seed " + seed + ")" : "StratifiedGroupKFold (= scikit-learn, shuffle=False)";
    if (stratified) return "StratifiedKFold (= scikit-learn, shuffle=False)";
    if (grouped) return "GroupKFold (scikit-learn)";
    return "KFold (= scikit-learn, shuffle=False)";
  }

  /** Split names in index order. */
  public List<String> splitNames() {
    if (folds <= 0) return names;
    List<String> out = new ArrayList<>();
    for (int k = 0; k < folds; k++) out.add("fold-" + k);
    return out;
  }

  /** Runs the algorithm: the split index of each sample. */
  public int[] assign(List<SplitSample> samples, boolean stratified, boolean grouped) {
    if (folds <= 0) return RatioSplitter.split(samples, ratios, seed);
    if (folds < 2) throw new SplitRequestException("folds", "at least 2 folds are needed");
    if (shuffle && !(stratified && grouped)) {
      throw new SplitRequestException("shuffle", "shuffling folds is offered only when stratifying and grouping together");
    }
    if (stratified && grouped) {
      // scikit-learn refuses this case too (ValueError: n_splits greater than every class)
      int[] perClass = samples.stream().collect(Collectors.groupingBy(SplitSample::cls, Collectors.counting()))
          .values().stream().mapToInt(Long::intValue).toArray();
      if (Arrays.stream(perClass).allMatch(c -> folds > c)) {
        throw new SplitRequestException("folds", folds + " folds are more than the number of items in every class");
      }
      return StratifiedGroupKFold.folds(samples, folds, shuffle ? seed : null);
    }
    if (stratified) return SklearnKFolds.stratified(samples, folds);
    if (grouped) return SklearnKFolds.grouped(samples, folds);
    return SklearnKFolds.plain(samples.size(), folds);
  }
}
