package org.trainset.eval.classify;

/**
 * Binary ground truth and scores for the same samples, in input order: {@code labels[i]} is 0 or
 * 1 and {@code scores[i]} the model's score for sample {@code ids[i]}; higher means "positive".
 */
public record LabeledScores(String[] ids, int[] labels, double[] scores) {
  public LabeledScores {
    if (ids.length != labels.length || labels.length != scores.length) {
      throw new IllegalArgumentException("ids, labels and scores differ in length");
    }
  }

  public int size() {
    return labels.length;
  }

  public static LabeledScores of(int[] labels, double[] scores) {
    String[] ids = new String[labels.length];
    for (int i = 0; i < ids.length; i++) ids[i] = Integer.toString(i);
    return new LabeledScores(ids, labels, scores);
  }

  public int positives() {
    int p = 0;
    for (int l : labels) p += l;
    return p;
  }
}
