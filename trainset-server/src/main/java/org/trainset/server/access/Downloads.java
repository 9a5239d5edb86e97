package org.trainset.server.access;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trainset.core.io.SafePaths;
import org.trainset.server.ApiException;
import org.trainset.server.Ids;
import org.trainset.server.audit.AuditLog;
import org.trainset.server.auth.Principal;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;

/**
 * Release files handed out over HTTP: which file a request names (never outside the release
 * folder), whether the caller may have it ({@link Access#require}), its strong ETag (the SHA-256
 * from the release's SHA256SUMS) and the record of every transfer (table {@code downloads} and the
 * audit log: who, what, when, bytes, grant).
 */
public final class Downloads {
  /** A file ready to send, with the grant that allowed it and the check to repeat between chunks. */
  public record Prepared(String dataset, String version, String path, Path file, long length, String sha256,
      String grantId, Runnable guard) {}

  /** A transfer in progress; {@link #finish} records how it ended. */
  public final class Transfer {
    private final String id;
    private final Principal principal;
    private final String dataset, version, path, grantId;
    private final long rangeStart;
    private boolean finished;

    private Transfer(String id, Principal p, String dataset, String version, String path, String grantId, long rangeStart) {
      this.id = id;
      this.principal = p;
      this.dataset = dataset;
      this.version = version;
      this.path = path;
      this.grantId = grantId;
      this.rangeStart = rangeStart;
    }

    public String id() { return id; }

    /** Records the bytes sent and whether the whole body went out; only the first call counts. */
    public synchronized void finish(long bytes, boolean complete) {
      if (finished) return;
      finished = true;
      String state = complete ? "complete" : "interrupted";
      db.write(c -> {
        Sql.update(c, "UPDATE downloads SET bytes = ?, state = ?, finished_at = ? WHERE id = ?", bytes, state, clock.millis(), id);
        ObjectNode d = JsonNodeFactory.instance.objectNode().put("dataset", dataset).put("version", version).put("path", path)
            .put("rangeStart", rangeStart).put("bytes", bytes).put("state", state).put("grantId", grantId).put("downloadId", id);
        audit.append(c, new AuditLog.Entry(principal == null ? null : principal.userId(), "download", "dataset", dataset, d));
        return null;
      });
    }
  }

  private final Database db;
  private final Clock clock;
  private final AuditLog audit;
  private final Access access;
  private final ReleaseArchives archives;

  /** {@code archiveCache}: where whole-release zips are kept, outside every release folder. */
  public Downloads(Database db, Clock clock, AuditLog audit, Access access, Path archiveCache) {
    this.db = db;
    this.clock = clock;
    this.audit = audit;
    this.access = access;
    this.archives = new ReleaseArchives(archiveCache);
  }

  /** Finds {@code path} in release {@code dataset} {@code version} for {@code p}: 404 when it is not a file of the release, 401/403 without the right. */
  public Prepared prepare(Principal p, String dataset, String version, String path) throws IOException {
    Path dir = access.directory().releaseDir(dataset, version).orElse(null);
    if (access.directory().orgId(dataset).isEmpty() || dir == null) {
      throw ApiException.notFound("version '" + version + "' of dataset '" + dataset + "'");
    }
    String subset = subsetOf(dataset, path);
    String grant = access.require(p, dataset, version, subset, Purpose.DOWNLOAD);
    Path file = fileOf(dir, path);
    Map<String, String> sums = checksums(dir);
    String sha = path.equals("SHA256SUMS") ? sha256(file) : sums.get(path);
    if (sha == null) throw ApiException.notFound("file '" + path + "' of " + dataset + " " + version);
    return new Prepared(dataset, version, path, file, Files.size(file), sha, grant,
        access.guard(p, dataset, version, subset, Purpose.DOWNLOAD, grant));
  }

  /**
   * The release as one zip ({@link ReleaseArchives}: built once, deterministic, its SHA-256 the
   * strong ETag): the whole version's right is needed (the strictest of its subsets), checked
   * before the archive is built or served.
   */
  public Prepared prepareArchive(Principal p, String dataset, String version) throws IOException {
    Path dir = access.directory().releaseDir(dataset, version).orElse(null);
    if (access.directory().orgId(dataset).isEmpty() || dir == null) {
      throw ApiException.notFound("version '" + version + "' of dataset '" + dataset + "'");
    }
    String grant = access.require(p, dataset, version, null, Purpose.DOWNLOAD);
    ReleaseArchives.Archive a = archives.archive(dataset, version, dir);
    return new Prepared(dataset, version, "", a.file(), a.length(), a.sha256(), grant,
        access.guard(p, dataset, version, null, Purpose.DOWNLOAD, grant));
  }

  /** Starts the record of a transfer of {@code prepared} from byte {@code rangeStart}. */
  public Transfer start(Principal p, Prepared prepared, long rangeStart) {
    String id = Ids.newId();
    String path = prepared.path().isEmpty() ? "(archive)" : prepared.path();
    db.write(c -> Sql.update(c, "INSERT INTO downloads (id, user_id, dataset_name, version, path, range_start, bytes, grant_id, state, started_at) "
        + "VALUES (?, ?, ?, ?, ?, ?, 0, ?, 'started', ?)", id, p == null ? null : p.userId(), prepared.dataset(), prepared.version(),
        path, rangeStart, prepared.grantId(), clock.millis()));
    return new Transfer(id, p, prepared.dataset(), prepared.version(), path, prepared.grantId(), rangeStart);
  }

  /** Every file of the release named in its SHA256SUMS, plus SHA256SUMS, in a stable order. */
  public static List<String> files(Path dir) throws IOException {
    List<String> names = new java.util.ArrayList<>(checksums(dir).keySet());
    if (Files.isRegularFile(dir.resolve("SHA256SUMS"))) names.add("SHA256SUMS");
    java.util.Collections.sort(names);
    return names;
  }

  /** The file of a release a request names; the path cannot leave the release folder, even by a link. */
  public static Path fileOf(Path dir, String path) throws IOException {
    Path file;
    try {
      file = SafePaths.resolveInside(dir, path);
    } catch (IOException e) {
      throw ApiException.notFound("file '" + path + "'");
    }
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !file.toRealPath().startsWith(dir.toRealPath())) {
      throw ApiException.notFound("file '" + path + "'");
    }
    return file;
  }

  /** The release's SHA256SUMS ({@code HEX  PATH} lines, as sha256sum writes them): path → hex. */
  public static Map<String, String> checksums(Path dir) throws IOException {
    Path f = dir.resolve("SHA256SUMS");
    return Files.isRegularFile(f) ? parseChecksums(Files.readString(f, StandardCharsets.UTF_8)) : new LinkedHashMap<>();
  }

  /** Lines {@code HEX  PATH} (or {@code HEX *PATH}) → path → lower-case hex, in file order; other lines are skipped. */
  public static Map<String, String> parseChecksums(String text) {
    Map<String, String> sums = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.length() < 66 || !line.substring(0, 64).matches("[0-9a-fA-F]{64}")) continue;
      String name = line.substring(64).replaceFirst("^ [ *]", "").replaceFirst("\r$", "");
      sums.put(name, line.substring(0, 64).toLowerCase(java.util.Locale.ROOT));
    }
    return sums;
  }

  /**
   * The subset a release file belongs to: the first of the dataset's subset rules whose name is
   * one of the path's folders; null when none (then the strictest subset rule applies).
   */
  private String subsetOf(String dataset, String path) {
    List<String> segments = List.of(path.split("/"));
    for (Access.Rule r : access.rules(dataset)) {
      if (!r.subset().isEmpty() && segments.subList(0, Math.max(0, segments.size() - 1)).contains(r.subset())) return r.subset();
    }
    return null;
  }

  private static String sha256(Path file) throws IOException {
    var sha = Ids.sha256();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[64 * 1024];
      for (int n; (n = in.read(buf)) > 0; ) sha.update(buf, 0, n);
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
