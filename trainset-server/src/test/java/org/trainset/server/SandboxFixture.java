package org.trainset.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.trainset.core.progress.Progress;
import org.trainset.core.spi.ReadOptions;
import org.trainset.publish.Release;
import org.trainset.server.auth.Principal;
import org.trainset.server.sandbox.SandboxData;

/**
 * Sandbox datasets for the tests: face-family samples frozen with {@link Release#freeze} into
 * {@code <dataDir>/releases/<name>/<version>/} (the publish area's layout), and the access rule
 * the publish area gives a sandbox dataset: granted users (and admins) may submit, others get 403.
 */
final class SandboxFixture implements SandboxData {
  private record Entry(String orgId, Path dir, Set<String> granted) {}

  private final Map<String, Entry> datasets = new ConcurrentHashMap<>();
  private final Path dataDir;

  SandboxFixture(Path dataDir) {
    this.dataDir = dataDir;
  }

  /** Freezes a face sample of {@code items} items as {@code name 1.0.0}, owned by {@code orgId}; returns the release folder. */
  Path faces(String name, int items, String orgId, Set<String> grantedUserIds) throws IOException {
    Path work = Files.createTempDirectory("sandbox-fixture");
    Path sample = Datasets.sample("aihub.face", work.resolve("sample"), items);
    var format = Datasets.REGISTRY.require("aihub.face");
    Release.freeze(new Release.Request(name, "1.0.0", format, sample, List.of(), 4, 1, 0.5, null, ReadOptions.defaults()),
        work.resolve("out"), Progress.NONE);
    Path dir = dataDir.resolve("releases").resolve(name).resolve("1.0.0");
    Files.createDirectories(dir.getParent());
    Files.move(Release.folderOf(work.resolve("out"), name, "1.0.0"), dir);
    datasets.put(name, new Entry(orgId, dir, Set.copyOf(grantedUserIds)));
    return dir;
  }

  @Override public Target require(Principal p, String dataset, String version) {
    Entry e = datasets.get(dataset);
    if (e == null || !version.equals("1.0.0")) throw ApiException.notFound("dataset " + dataset + " " + version);
    if (!p.isAdmin() && !e.granted().contains(p.userId())) throw ApiException.forbidden("no sandbox grant for " + dataset);
    return new Target(dataset, version, e.orgId(), e.dir());
  }

  @Override public Optional<Path> releaseDir(String dataset, String version) {
    Entry e = datasets.get(dataset);
    return e == null ? Optional.empty() : Optional.of(e.dir());
  }

  static String orgOf(Platform platform, String userId) {
    return platform.db().read(c -> org.trainset.server.db.Sql.one(c, "SELECT org_id FROM user_orgs WHERE user_id = ?",
        rs -> rs.getString(1), userId)).orElseThrow();
  }
}
