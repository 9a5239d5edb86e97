package org.trainset.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.trainset.core.FormatRegistry;
import org.trainset.core.spi.Format;

/** Resolving the dataset a verb reads: an explicit format id, or detection. */
public final class DatasetInput {
  private static final FormatRegistry REGISTRY = FormatRegistry.load();

  private DatasetInput() {}

  public static FormatRegistry registry() {
    return REGISTRY;
  }

  /** The format named by {@code formatId}, or the detected one when null. */
  public static Format formatOf(Path path, String formatId) throws IOException {
    if (!Files.exists(path)) throw new NoSuchFileException(path.toString());
    return formatId != null ? REGISTRY.require(formatId) : REGISTRY.detect(path);
  }
}
