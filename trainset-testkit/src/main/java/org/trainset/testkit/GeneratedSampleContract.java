package org.trainset.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.trainset.core.sample.SampleGenerator;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.sample.SampleSummary;

/**
 * The format contract on a family's own generator output (real release files cannot be
 * redistributed): the sample is generated once per test into the temp folder, and import must
 * give the item count asked for and the annotation counts the generator reports.
 */
public abstract class GeneratedSampleContract extends FormatContract {
  private SampleSummary summary;

  protected abstract SampleGenerator generator();

  /** Items and seed of the sample (no defects: the contract runs on clean data). */
  protected abstract SampleOptions sampleOptions();

  @Override protected Path sample() throws IOException {
    Path dir = tempDir.resolve(formatId());
    if (!Files.exists(dir)) summary = generator().generate(dir, sampleOptions());
    return dir;
  }

  /** What the generator reported for the sample. */
  protected SampleSummary summary() {
    try {
      sample();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return summary;
  }

  @Override protected long expectedItems() {
    return sampleOptions().items();
  }

  @Override protected long expectedAnnotations() {
    return summary().annotations();
  }

  @Override protected Map<String, Long> expectedByType() {
    return summary().byType();
  }
}
