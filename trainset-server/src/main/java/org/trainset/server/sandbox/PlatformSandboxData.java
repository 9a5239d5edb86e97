package org.trainset.server.sandbox;

import java.nio.file.Path;
import java.util.Optional;
import org.trainset.server.ApiException;
import org.trainset.server.access.Access;
import org.trainset.server.access.AccessMode;
import org.trainset.server.access.Purpose;
import org.trainset.server.auth.Principal;

/**
 * The publish area's releases and access rules: a job runs on a release of a dataset whose access
 * mode is {@code sandbox}, for a caller {@link Access#require} lets use it for {@link Purpose#SANDBOX}
 * (a grant from an access request; the publishing organisation's managers and admins need none).
 */
public final class PlatformSandboxData implements SandboxData {
  private final Access access;

  public PlatformSandboxData(Access access) {
    this.access = access;
  }

  @Override public Target require(Principal p, String dataset, String version) {
    access.require(p, dataset, version, null, Purpose.SANDBOX);
    if (access.mode(dataset, version, null) != AccessMode.SANDBOX) {
      throw ApiException.conflict("dataset '" + dataset + "' " + version + " is not in sandbox mode: download it instead");
    }
    String org = access.directory().orgId(dataset).orElseThrow(() -> ApiException.notFound("dataset '" + dataset + "'"));
    Path dir = access.directory().releaseDir(dataset, version)
        .orElseThrow(() -> ApiException.notFound("version '" + version + "' of dataset '" + dataset + "'"));
    return new Target(dataset, version, org, dir);
  }

  @Override public Optional<Path> releaseDir(String dataset, String version) {
    return access.directory().releaseDir(dataset, version);
  }
}
