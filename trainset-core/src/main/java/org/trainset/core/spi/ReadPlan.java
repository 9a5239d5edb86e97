package org.trainset.core.spi;

import java.nio.file.Path;
import java.util.List;
import org.trainset.core.model.DatasetSchema;

/**
 * A dataset's schema, the parts its items are read from, and where the items' relative media
 * paths start ({@code mediaRoot}; null means the input folder, or the input file's folder).
 */
public record ReadPlan(DatasetSchema schema, List<ReadPart> parts, String mediaRoot) {
  public ReadPlan {
    parts = List.copyOf(parts);
  }

  public ReadPlan(DatasetSchema schema, List<ReadPart> parts) {
    this(schema, parts, null);
  }

  /** The folder media paths are relative to, for an input at {@code input}. */
  public Path mediaRootFor(Path input) {
    if (mediaRoot != null) return Path.of(mediaRoot);
    Path abs = input.toAbsolutePath();
    return java.nio.file.Files.isDirectory(abs) ? abs : abs.getParent();
  }
}
