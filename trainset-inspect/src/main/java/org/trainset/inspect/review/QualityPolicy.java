package org.trainset.inspect.review;

/**
 * When a worker's output goes to 100% inspection and when it comes back.
 *
 * @param threshold      quality index (0–100) below which the worker is escalated
 * @param minItems       judged items needed before the index can trigger escalation
 * @param window         the index is the mean item score over the worker's last {@code window} items
 * @param cleanStreak    consecutive defect-free items that return an escalated worker to sampling
 * @param defectSeverity review errors at or above this severity make an item defective
 */
public record QualityPolicy(double threshold, int minItems, int window, int cleanStreak,
                            ErrorSeverity defectSeverity) {
  public QualityPolicy {
    if (threshold < 0 || threshold > 100) throw new IllegalArgumentException("threshold must be 0..100");
    if (minItems < 1 || window < 1 || cleanStreak < 1) {
      throw new IllegalArgumentException("min-items, window and clean-streak must be at least 1");
    }
  }

  public static QualityPolicy defaults() {
    return new QualityPolicy(90, 20, 50, 30, ErrorSeverity.MINOR);
  }
}
