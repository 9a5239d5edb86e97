package org.trainset.server.sandbox;

import java.nio.file.Path;
import java.util.Optional;
import org.trainset.server.auth.Principal;

/**
 * Where the sandbox finds a dataset's release and whether a caller may compute on it: the seam to
 * the publish area (its releases and its access rules). {@link #require} throws the platform's
 * {@link org.trainset.server.ApiException} (404 unknown or hidden, 403 without a grant).
 */
public interface SandboxData {
  /** A release a job runs on: its folder and the organisation whose checkers release outputs. */
  record Target(String dataset, String version, String orgId, Path dir) {}

  /** The release {@code p} may submit sandbox jobs on. */
  Target require(Principal p, String dataset, String version);

  /** The release folder of a job already accepted (no access check: the job runs later). */
  Optional<Path> releaseDir(String dataset, String version);
}
