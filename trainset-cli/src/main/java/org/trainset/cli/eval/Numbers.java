package org.trainset.cli.eval;

import java.util.Locale;

/** Numbers in tables: NaN (undefined) prints as "n/a" (JSON output: {@link org.trainset.eval.classify.ClassifyJson}). */
final class Numbers {
  private Numbers() {}

  static String fmt(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "n/a";
  }
}
