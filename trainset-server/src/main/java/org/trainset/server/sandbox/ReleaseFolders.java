package org.trainset.server.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.trainset.server.ApiException;
import org.trainset.server.auth.Principal;

/**
 * Releases as the publish area stores them, {@code <dataDir>/releases/<dataset>/<version>/}. Until
 * the publish area's access rules are wired in, no dataset is open to sandbox jobs: {@link #require}
 * answers 404 for every dataset.
 */
public final class ReleaseFolders implements SandboxData {
  private final Path releases;

  public ReleaseFolders(Path dataDir) {
    this.releases = dataDir.resolve("releases");
  }

  @Override public Target require(Principal p, String dataset, String version) {
    throw ApiException.notFound("sandbox dataset " + dataset);
  }

  @Override public Optional<Path> releaseDir(String dataset, String version) {
    if (dataset.contains("/") || dataset.startsWith(".") || version.contains("/") || version.startsWith(".")) return Optional.empty();
    Path d = releases.resolve(dataset).resolve(version);
    return Files.isDirectory(d) ? Optional.of(d) : Optional.empty();
  }
}
