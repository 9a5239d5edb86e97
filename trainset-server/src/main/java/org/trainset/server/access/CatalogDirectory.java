package org.trainset.server.access;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;

/**
 * The catalog's datasets ({@code datasets} table) and the release folders
 * {@code <dataDir>/releases/<name>/<version>/}. Names and versions are checked against a strict
 * pattern before they touch the file system, so no request can name a folder outside the releases.
 */
public final class CatalogDirectory implements DatasetDirectory {
  /** Dataset names and versions: letters, digits, '.', '_', '-', not starting with a dot. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

  private final Database db;
  private final Path releases;

  public CatalogDirectory(Database db, Path dataDir) {
    this.db = db;
    this.releases = dataDir.resolve("releases").toAbsolutePath().normalize();
  }

  @Override public Optional<String> orgId(String dataset) {
    if (dataset == null || !NAME.matcher(dataset).matches()) return Optional.empty();
    return db.read(c -> Sql.one(c, "SELECT org_id FROM datasets WHERE name = ?", rs -> rs.getString(1), dataset));
  }

  /** The catalog's {@code datasets.access_mode} (the catalog filters on it). */
  @Override public AccessMode catalogMode(String dataset) {
    return db.read(c -> Sql.one(c, "SELECT access_mode FROM datasets WHERE name = ?", rs -> rs.getString(1), dataset))
        .map(AccessMode::fromKey).orElse(Access.DEFAULT_MODE);
  }

  @Override public void catalogModeChanged(java.sql.Connection c, String dataset, AccessMode mode) throws java.sql.SQLException {
    Sql.update(c, "UPDATE datasets SET access_mode = ? WHERE name = ?", mode.key(), dataset);
  }

  @Override public Optional<Path> releaseDir(String dataset, String version) {
    if (dataset == null || version == null || !NAME.matcher(dataset).matches() || !NAME.matcher(version).matches()) {
      return Optional.empty();
    }
    Path dir = releases.resolve(dataset).resolve(version).normalize();
    if (!dir.startsWith(releases) || !Files.isDirectory(dir)) return Optional.empty();
    return Optional.of(dir);
  }
}
