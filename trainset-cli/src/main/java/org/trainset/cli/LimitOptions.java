package org.trainset.cli;

import org.trainset.core.io.ParseLimits;
import org.trainset.core.spi.ReadOptions;
import picocli.CommandLine.Option;

/** Parser limits for verbs that read datasets; defaults are {@link ParseLimits#DEFAULT}. */
public final class LimitOptions {
  @Option(names = "--max-file-size", paramLabel = "BYTES",
      description = "Refuse input files larger than this (default: 64 GiB).")
  Long maxFileSize;

  @Option(names = "--max-string-length", paramLabel = "CHARS",
      description = "Refuse JSON strings / XML text longer than this (default: 64 Mi characters).")
  Integer maxStringLength;

  @Option(names = "--max-nesting", paramLabel = "DEPTH",
      description = "Refuse JSON/XML nested deeper than this (default: 200).")
  Integer maxNesting;

  /** Read options with these limits (and the default problem handling). */
  public ReadOptions readOptions() {
    ParseLimits limits = ParseLimits.DEFAULT;
    try {
      if (maxFileSize != null) limits = limits.withMaxFileSize(maxFileSize);
      if (maxStringLength != null) limits = limits.withMaxStringLength(maxStringLength);
      if (maxNesting != null) limits = limits.withMaxNestingDepth(maxNesting);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    return ReadOptions.defaults().withLimits(limits);
  }
}
