package org.trainset.core.sample;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a small, realistic dataset in one format's exact layout, for demos, tests and users'
 * pipelines. Registered with {@link java.util.ServiceLoader}; {@code trainset sample ID} finds
 * the generator whose {@link #formatId()} matches. Output must be byte-identical for the same
 * options, and written atomically.
 */
public interface SampleGenerator {
  /** The format id the output is in (and detected as). */
  String formatId();

  SampleSummary generate(Path outDir, SampleOptions options) throws IOException;

  /** Other layouts the generator can write ({@link SampleOptions#layout()}); none by default. */
  default java.util.List<String> layouts() {
    return java.util.List.of();
  }
}
