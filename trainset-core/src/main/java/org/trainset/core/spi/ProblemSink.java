package org.trainset.core.spi;

import java.nio.file.Path;
import org.trainset.core.io.InputException;

/** Receives recoverable problems; {@link #FAIL} turns the first one into an input error. */
@FunctionalInterface
public interface ProblemSink {
  ProblemSink FAIL = p -> {
    throw new InputException(p.file() == null ? null : Path.of(p.file()), p.line(), -1, p.item(),
        p.rule(), p.message(), null);
  };

  void report(Problem problem) throws InputException;
}
