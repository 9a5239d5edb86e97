package org.trainset.server.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.trainset.core.FormatRegistry;
import org.trainset.server.ApiException;
import org.trainset.server.Ids;
import org.trainset.server.audit.AuditLog;
import org.trainset.server.auth.Principal;
import org.trainset.server.auth.Role;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;

/**
 * Sandbox jobs (issue 14): submission, who may see what, and the checkers' decisions. Jobs run one
 * at a time on a worker thread ({@link JobRunner}); files live under {@code <dataDir>/sandbox/<job>/}.
 *
 * <p>Who sees a job: its submitter, and its checkers (admins, and managers and reviewers of the
 * dataset's organisation); anyone else gets 404. Checkers decide on outputs (never on their own
 * job's); only the submitter downloads, and only what was approved. Everything is audited.
 */
public final class SandboxJobs implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  public static final List<String> RUNTIMES = List.of("python", "jar");

  private final Database db;
  private final AuditLog audit;
  private final Clock clock;
  private final Path root;
  private final FormatRegistry formats;
  private volatile SandboxLimits limits;
  private final SandboxData data;
  private volatile Isolation.Status isolation;
  private final int uid;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "sandbox-jobs");
    t.setDaemon(true);
    return t;
  });
  private final java.util.Map<String, DatasetIndex> indexes = new java.util.concurrent.ConcurrentHashMap<>();

  public SandboxJobs(Database db, AuditLog audit, Clock clock, Path dataDir, FormatRegistry formats, SandboxLimits limits,
                     SandboxData data) throws IOException {
    this.db = db;
    this.audit = audit;
    this.clock = clock;
    this.root = Files.createDirectories(dataDir.resolve("sandbox"));
    this.formats = formats;
    this.limits = limits;
    this.data = data;
    // a uid of this server's own for its jobs: two servers on one host do not share a process count
    this.uid = 200_000 + (int) (ProcessHandle.current().pid() % 50_000);
    this.isolation = Isolation.probe(root, uid);
    db.write(c -> Sql.update(c, "UPDATE sandbox_jobs SET state = 'failed', error = ? WHERE state IN ('queued', 'running', 'checking')",
        "the server stopped before the job ended"));
  }

  public Isolation.Status isolation() { return isolation; }
  public SandboxLimits limits() { return limits; }
  /** Replaces the probe's verdict (tests show what a host without isolation answers). */
  public void useIsolation(Isolation.Status s) { this.isolation = s; }
  /** Replaces the limits (tests shorten them). */
  public void useLimits(SandboxLimits l) { this.limits = l; }
  SandboxData data() { return data; }
  Path root() { return root; }
  int uid() { return uid; }
  FormatRegistry formats() { return formats; }
  AuditLog audit() { return audit; }
  Database db() { return db; }
  Clock clock() { return clock; }

  /** The folder of one job. */
  public Path dirOf(String jobId) {
    return root.resolve(jobId);
  }

  /**
   * Queues a recipe job. {@code predictions} (moved into the job's private folder) is the uploaded
   * file the eval and agreement recipes compare with the held-back truth.
   */
  public ObjectNode submitRecipe(Principal p, String dataset, String version, JsonNode spec, Path predictions) throws IOException {
    SandboxData.Target t = data.require(p, dataset, version);
    Recipes.validate(spec, predictions != null);
    ObjectNode s = JSON.createObjectNode();
    s.put("recipe", spec.path("recipe").asText());
    spec.fields().forEachRemaining(e -> {
      if (!e.getKey().equals("recipe") && e.getValue().isValueNode()) s.set(e.getKey(), e.getValue());
    });
    String id = Ids.newId();
    Path dir = Files.createDirectories(dirOf(id).resolve("scratch"));
    if (predictions != null) Files.move(predictions, dir.resolve("predictions"));
    return queue(p, t, id, "recipe", s);
  }

  /**
   * Queues a script job: {@code upload} is a Python file, a jar, or a zip of files; {@code entry}
   * names the file to run inside it. Refused (409) when isolation is not available here.
   */
  public ObjectNode submitScript(Principal p, String dataset, String version, JsonNode spec, Path upload, String fileName)
      throws IOException {
    SandboxData.Target t = data.require(p, dataset, version);
    if (!isolation.available()) {
      throw new ApiException(409, "sandbox_unavailable", "scripts cannot run on this server: " + isolation.reason()
          + " (recipes still run)");
    }
    String runtime = spec.path("runtime").asText("");
    if (!RUNTIMES.contains(runtime)) throw ApiException.badRequest("runtime: one of " + RUNTIMES + ", got '" + runtime + "'");
    List<String> args = new java.util.ArrayList<>();
    if (spec.has("args")) {
      if (!spec.get("args").isArray()) throw ApiException.badRequest("args: expected an array of strings");
      for (JsonNode a : spec.get("args")) {
        if (!a.isTextual()) throw ApiException.badRequest("args: expected an array of strings");
        args.add(a.asText());
      }
    }
    String id = Ids.newId();
    Path jobFiles = Files.createDirectories(dirOf(id).resolve("job"));
    String entry = JobFiles.place(upload, fileName, runtime, spec.path("entry").asText(null), jobFiles);
    ObjectNode s = JSON.createObjectNode();
    s.put("runtime", runtime).put("entry", entry);
    ArrayNode a = s.putArray("args");
    args.forEach(a::add);
    return queue(p, t, id, "script", s);
  }

  private ObjectNode queue(Principal p, SandboxData.Target t, String id, String kind, ObjectNode spec) throws IOException {
    long now = clock.millis();
    db.write(c -> {
      Sql.update(c, "INSERT INTO sandbox_jobs (id, dataset, version, org_id, kind, spec, state, submitted_by, created_at) "
          + "VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?)", id, t.dataset(), t.version(), t.orgId(), kind, spec.toString(), p.userId(), now);
      ObjectNode d = JSON.createObjectNode().put("dataset", t.dataset()).put("version", t.version()).put("kind", kind);
      d.set("spec", spec);
      audit.append(c, new AuditLog.Entry(p.userId(), "sandbox.job.submit", "sandbox_job", id, d));
      return null;
    });
    Files.writeString(dirOf(id).resolve("log.txt"), "", java.nio.file.StandardOpenOption.CREATE);
    worker.submit(() -> new JobRunner(this, id).run());
    return job(id);
  }

  /** The dataset index (hashes, identifiers) of a release, made once. */
  DatasetIndex index(String dataset, String version, Path dir) throws IOException {
    String key = dataset + "@" + version;
    DatasetIndex i = indexes.get(key);
    if (i == null) {
      i = DatasetIndex.of(dir);
      indexes.put(key, i);
    }
    return i;
  }

  /** A job as {@code p} may see it: 404 unless p submitted it or checks its dataset. */
  public ObjectNode require(Principal p, String id) {
    Row r = row(id).orElseThrow(() -> ApiException.notFound("sandbox job " + id));
    if (!r.submittedBy().equals(p.userId()) && !isChecker(p, r.orgId())) throw ApiException.notFound("sandbox job " + id);
    return job(id);
  }

  /** The jobs {@code p} submitted, newest first. */
  public ArrayNode mine(Principal p) {
    ArrayNode out = JSON.createArrayNode();
    for (String id : db.read(c -> Sql.list(c, "SELECT id FROM sandbox_jobs WHERE submitted_by = ? ORDER BY created_at DESC, id LIMIT 200",
        rs -> rs.getString(1), p.userId()))) {
      out.add(job(id));
    }
    return out;
  }

  public boolean isChecker(Principal p, String orgId) {
    return p.isAdmin() || (p.role() == Role.MANAGER || p.role() == Role.REVIEWER) && p.orgIds().contains(orgId);
  }

  record Row(String id, String dataset, String version, String orgId, String kind, JsonNode spec, String state,
             String submittedBy) {}

  Optional<Row> row(String id) {
    return db.read(c -> Sql.one(c, "SELECT id, dataset, version, org_id, kind, spec, state, submitted_by FROM sandbox_jobs WHERE id = ?",
        rs -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), tree(rs.getString(6)),
            rs.getString(7), rs.getString(8)), id));
  }

  /** {@code {"id","dataset","version","kind","spec","state","exitCode"?,"error"?,"createdAt","startedAt"?,"finishedAt"?,"outputs"}}. */
  ObjectNode job(String id) {
    return db.read(c -> {
      ObjectNode o = Sql.one(c, "SELECT id, dataset, version, kind, spec, state, exit_code, error, created_at, started_at, finished_at "
          + "FROM sandbox_jobs WHERE id = ?", SandboxJobs::jobJson, id).orElseThrow(() -> ApiException.notFound("sandbox job " + id));
      o.put("outputs", Sql.count(c, "SELECT COUNT(*) FROM sandbox_outputs WHERE job_id = ?", id));
      return o;
    });
  }

  private static ObjectNode jobJson(ResultSet rs) throws SQLException {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", rs.getString(1)).put("dataset", rs.getString(2)).put("version", rs.getString(3)).put("kind", rs.getString(4));
    o.set("spec", tree(rs.getString(5)));
    o.put("state", rs.getString(6));
    int exit = rs.getInt(7);
    if (!rs.wasNull()) o.put("exitCode", exit);
    if (rs.getString(8) != null) o.put("error", rs.getString(8));
    o.put("createdAt", rs.getLong(9));
    long started = rs.getLong(10);
    if (!rs.wasNull()) o.put("startedAt", started);
    long finished = rs.getLong(11);
    if (!rs.wasNull()) o.put("finishedAt", finished);
    return o;
  }

  public static boolean terminal(String state) {
    return state.equals("done") || state.equals("failed");
  }

  /** The job's state only (the log stream polls it). */
  public String state(String id) {
    return db.read(c -> Sql.one(c, "SELECT state FROM sandbox_jobs WHERE id = ?", rs -> rs.getString(1), id)).orElse("failed");
  }

  static JsonNode tree(String s) {
    try {
      return s == null ? JSON.nullNode() : JSON.readTree(s);
    } catch (IOException e) {
      return JSON.getNodeFactory().textNode(s);
    }
  }

  /** Waits for queued jobs to end (tests) . */
  @Override public void close() {
    worker.shutdownNow();
    try {
      worker.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
