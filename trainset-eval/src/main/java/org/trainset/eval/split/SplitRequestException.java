package org.trainset.eval.split;

/**
 * A split request that cannot be carried out, naming the request field at fault ({@code folds},
 * {@code ratios}, {@code names}, {@code shuffle}, {@code stratifyBy}, {@code groupBy}: the
 * components of {@link Split.Options}). Adapters turn the field into their own vocabulary (the
 * CLI into {@code --folds}, the server into a JSON field) — domain messages never name CLI flags.
 */
public final class SplitRequestException extends IllegalArgumentException {
  private final String field;

  public SplitRequestException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The request field at fault. */
  public String field() {
    return field;
  }
}
