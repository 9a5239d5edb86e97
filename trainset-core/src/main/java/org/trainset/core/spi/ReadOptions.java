package org.trainset.core.spi;

import java.io.Serializable;
import org.trainset.core.io.ParseLimits;

/**
 * How to read. Serialisable, so a driver can send it with the read parts to where they run (a
 * Spark executor); the problem sink must then be serialisable too ({@link ProblemSink#FAIL} is).
 *
 * @param limits   parser limits
 * @param problems where recoverable problems go (dangling references, values out of range);
 *                 {@link ProblemSink#FAIL} makes them input errors
 * @param storage  where the parts' files are opened ({@link Storage#LOCAL} on one machine)
 */
public record ReadOptions(ParseLimits limits, ProblemSink problems, Storage storage) implements Serializable {
  public ReadOptions {
    if (storage == null) storage = Storage.LOCAL;
  }

  public ReadOptions(ParseLimits limits, ProblemSink problems) {
    this(limits, problems, Storage.LOCAL);
  }

  public static ReadOptions defaults() {
    return new ReadOptions(ParseLimits.DEFAULT, ProblemSink.FAIL, Storage.LOCAL);
  }

  public ReadOptions withProblems(ProblemSink sink) {
    return new ReadOptions(limits, sink, storage);
  }

  public ReadOptions withLimits(ParseLimits newLimits) {
    return new ReadOptions(newLimits, problems, storage);
  }

  public ReadOptions withStorage(Storage newStorage) {
    return new ReadOptions(limits, problems, newStorage);
  }
}
