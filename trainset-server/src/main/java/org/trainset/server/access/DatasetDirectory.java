package org.trainset.server.access;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where access checks learn which organisation owns a dataset and where a release's files are.
 * The platform's implementation reads the catalog ({@link CatalogDirectory}); unit tests give
 * their own.
 */
public interface DatasetDirectory {
  /** The id of the organisation that publishes {@code dataset}, or empty when there is no such dataset. */
  Optional<String> orgId(String dataset);

  /** The folder of release {@code dataset} {@code version}, or empty when it does not exist. */
  Optional<Path> releaseDir(String dataset, String version);

  /** The dataset-wide mode the catalog shows, used when no access rule covers a request. */
  default AccessMode catalogMode(String dataset) {
    return Access.DEFAULT_MODE;
  }

  /** Keeps the catalog's mode equal to the dataset-wide rule (called inside the rule's transaction). */
  default void catalogModeChanged(java.sql.Connection c, String dataset, AccessMode mode) throws java.sql.SQLException {}
}
