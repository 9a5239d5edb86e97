package org.trainset.core.spi;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.trainset.core.io.InputException;

/**
 * Receives recoverable problems. {@link #FAIL} (the default for reading) turns the first error
 * into an input error and ignores warnings; {@code trainset validate} collects everything.
 */
@FunctionalInterface
public interface ProblemSink {
  ProblemSink FAIL = failOnErrors(w -> { });

  void report(Problem problem) throws InputException;

  /** Errors become input errors; warnings go to {@code warnings} (e.g. printed on stderr). */
  static ProblemSink failOnErrors(Consumer<Problem> warnings) {
    return p -> {
      if (!"error".equals(p.severity())) {
        warnings.accept(p);
        return;
      }
      throw new InputException(p.file() == null ? null : Path.of(p.file()), p.line(), -1, p.item(),
          p.rule(), p.message(), null);
    };
  }
}
