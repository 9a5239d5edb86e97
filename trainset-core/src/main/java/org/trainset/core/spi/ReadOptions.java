package org.trainset.core.spi;

import org.trainset.core.io.ParseLimits;

/**
 * How to read.
 *
 * @param limits   parser limits
 * @param problems where recoverable problems go (dangling references, values out of range);
 *                 {@link ProblemSink#FAIL} makes them input errors
 */
public record ReadOptions(ParseLimits limits, ProblemSink problems) {
  public static ReadOptions defaults() {
    return new ReadOptions(ParseLimits.DEFAULT, ProblemSink.FAIL);
  }

  public ReadOptions withProblems(ProblemSink sink) {
    return new ReadOptions(limits, sink);
  }

  public ReadOptions withLimits(ParseLimits newLimits) {
    return new ReadOptions(newLimits, problems);
  }
}
