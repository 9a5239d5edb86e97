package org.trainset.core.spi;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.trainset.core.io.InputException;

/**
 * Receives recoverable problems. {@link #FAIL} (the default for reading) turns the first error
 * into an input error and ignores warnings; {@code trainset validate} collects everything.
 * Serialisable so that read options can travel to a Spark executor; a sink that captures local
 * state (a list, a tally) only works where it was made.
 */
@FunctionalInterface
public interface ProblemSink extends java.io.Serializable {
  /** Errors become input errors, warnings are ignored. Serialisable (it travels in ReadOptions). */
  ProblemSink FAIL = p -> {
    if ("error".equals(p.severity())) throw failure(p);
  };

  void report(Problem problem) throws InputException;

  /** Errors become input errors; warnings go to {@code warnings} (e.g. printed on stderr). */
  static ProblemSink failOnErrors(Consumer<Problem> warnings) {
    return p -> {
      if (!"error".equals(p.severity())) {
        warnings.accept(p);
        return;
      }
      throw failure(p);
    };
  }

  private static InputException failure(Problem p) {
    return new InputException(p.file() == null ? null : Path.of(p.file()), p.line(), -1, p.item(),
        p.rule(), p.message(), null);
  }
}
