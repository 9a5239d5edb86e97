package org.trainset.core.spi;

import java.util.function.Consumer;
import org.trainset.core.io.InputException;
import org.trainset.core.issue.Issue;
import org.trainset.core.issue.Severity;

/**
 * Receives recoverable problems found while reading or validating. {@link #FAIL} (the default
 * for reading) turns the first error into an input error and ignores warnings and infos;
 * {@code trainset validate} collects everything. Serialisable so that read options can travel to
 * a Spark executor; a sink that captures local state (a list, a tally) only works where it was made.
 */
@FunctionalInterface
public interface ProblemSink extends java.io.Serializable {
  /** Errors become input errors, the rest is ignored. Serialisable (it travels in ReadOptions). */
  ProblemSink FAIL = p -> {
    if (p.severity() == Severity.ERROR) throw InputException.of(p);
  };

  void report(Issue issue) throws InputException;

  /**
   * The old shape of a problem.
   *
   * @deprecated report an {@link Issue}
   */
  @Deprecated
  default void report(Problem problem) throws InputException {
    report(problem.toIssue());
  }

  /** Errors become input errors; warnings and infos go to {@code others} (e.g. printed on stderr). */
  static ProblemSink failOnErrors(Consumer<Issue> others) {
    return p -> {
      if (p.severity() != Severity.ERROR) {
        others.accept(p);
        return;
      }
      throw InputException.of(p);
    };
  }
}
