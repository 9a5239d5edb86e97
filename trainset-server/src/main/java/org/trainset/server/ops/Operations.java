package org.trainset.server.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trainset.core.io.InputException;
import org.trainset.server.ApiException;
import org.trainset.server.Ids;
import org.trainset.server.auth.Principal;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;
import org.trainset.server.http.Http;
import org.trainset.server.project.Projects;

/**
 * Background operations (imports, exports): a row per operation with state and progress, a
 * work folder under {@code operations/ID}, a small worker pool, and cancellation. State moves
 * queued → running → done | failed | cancelled; at start-up operations a stopped process left
 * queued or running are marked failed.
 */
public final class Operations implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Operations.class);
  private static final long PROGRESS_WRITE_MILLIS = 500;

  /** The work of one operation. */
  @FunctionalInterface
  public interface Job {
    JsonNode run(Context ctx) throws Exception;
  }

  /** What a job sees: its folder, progress reporting and the cancel flag. */
  public final class Context {
    private final String id;
    private final AtomicBoolean cancel;
    private long lastWrite;

    Context(String id, AtomicBoolean cancel) {
      this.id = id;
      this.cancel = cancel;
    }

    public Path dir() throws IOException {
      return Files.createDirectories(root.resolve(id));
    }

    public boolean cancelled() {
      return cancel.get();
    }

    /** Progress 0..1; written to the database at most twice a second. */
    public void progress(double fraction) {
      long now = System.currentTimeMillis();
      if (now - lastWrite < PROGRESS_WRITE_MILLIS) return;
      lastWrite = now;
      db.write(c -> Sql.update(c, "UPDATE operations SET progress = ?, updated_at = ? WHERE id = ? AND state = 'running'",
          Math.max(0, Math.min(1, fraction)), now, id));
    }
  }

  private final Database db;
  private final Projects projects;
  private final Path root;
  private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "trainset-operation");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, AtomicBoolean> cancelFlags = new ConcurrentHashMap<>();

  public Operations(Database db, Projects projects, Path dataDir) throws IOException {
    this.db = db;
    this.projects = projects;
    this.root = Files.createDirectories(dataDir.resolve("operations"));
    db.write(c -> Sql.update(c, "UPDATE operations SET state = 'failed', error = ?, updated_at = ? WHERE state IN ('queued', 'running')",
        "the server stopped during this operation; nothing of it was kept", System.currentTimeMillis()));
  }

  /** Queues {@code job} on project {@code projectId}; one import at a time per project. */
  public String start(Principal p, String projectId, String kind, Job job) {
    String id = Ids.newId();
    long now = System.currentTimeMillis();
    db.write(c -> {
      if (kind.equals("import") && Sql.count(c, "SELECT COUNT(*) FROM operations WHERE project_id = ? AND kind = 'import' "
          + "AND state IN ('queued', 'running')", projectId) > 0) {
        throw ApiException.conflict("an import into this project is already running");
      }
      return Sql.update(c, "INSERT INTO operations (id, project_id, kind, state, progress, created_by, created_at, updated_at) "
          + "VALUES (?, ?, ?, 'queued', 0, ?, ?, ?)", id, projectId, kind, p.userId(), now, now);
    });
    AtomicBoolean cancel = new AtomicBoolean();
    cancelFlags.put(id, cancel);
    workers.submit(() -> execute(id, job, cancel));
    return id;
  }

  private void execute(String id, Job job, AtomicBoolean cancel) {
    try {
      if (cancel.get()) throw new CancellationException("cancelled before it started");
      finish(id, "running", null, null);
      JsonNode result = job.run(new Context(id, cancel));
      finish(id, "done", result, null);
    } catch (CancellationException e) {
      finish(id, "cancelled", null, "cancelled");
    } catch (InputException | IllegalArgumentException | ApiException e) {
      finish(id, "failed", null, e.getMessage());
    } catch (Throwable e) {
      LOG.error("operation {} failed", id, e);
      finish(id, "failed", null, e.getClass().getSimpleName() + ": " + e.getMessage());
    } finally {
      if (!"running".equals(state(id))) cancelFlags.remove(id);
    }
  }

  private void finish(String id, String state, JsonNode result, String error) {
    db.write(c -> Sql.update(c, "UPDATE operations SET state = ?, progress = ?, result = ?, error = ?, updated_at = ? WHERE id = ?",
        state, state.equals("done") ? 1.0 : state.equals("running") ? 0.0 : progressOf(c, id), result == null ? null : result.toString(),
        error, System.currentTimeMillis(), id));
  }

  private static double progressOf(java.sql.Connection c, String id) throws java.sql.SQLException {
    return Sql.one(c, "SELECT progress FROM operations WHERE id = ?", rs -> rs.getDouble(1), id).orElse(0.0);
  }

  private String state(String id) {
    return db.read(c -> Sql.one(c, "SELECT state FROM operations WHERE id = ?", rs -> rs.getString(1), id).orElse(null));
  }

  /** The operation as JSON when {@code p} may see its project; 404 otherwise. */
  public ObjectNode require(Principal p, String id) {
    ObjectNode op = find(id);
    if (op == null) throw ApiException.notFound("operation " + id);
    projects.require(p, op.get("projectId").asText()); // object-level check
    return op;
  }

  public ObjectNode find(String id) {
    return db.read(c -> Sql.one(c, "SELECT id, project_id, kind, state, progress, result, error, created_at, updated_at "
        + "FROM operations WHERE id = ?", rs -> {
          ObjectNode n = Http.object().put("id", rs.getString(1)).put("projectId", rs.getString(2)).put("kind", rs.getString(3))
              .put("state", rs.getString(4)).put("progress", rs.getDouble(5));
          try {
            n.set("result", rs.getString(6) == null ? null : Http.MAPPER.readTree(rs.getString(6)));
          } catch (IOException e) {
            throw new java.sql.SQLException("stored result is not JSON", e);
          }
          n.put("error", rs.getString(7)).put("createdAt", rs.getLong(8)).put("updatedAt", rs.getLong(9));
          return n;
        }, id).orElse(null));
  }

  /** Asks a queued or running operation to stop; it ends as cancelled and keeps nothing. */
  public void cancel(String id) {
    AtomicBoolean flag = cancelFlags.get(id);
    if (flag != null) flag.set(true);
  }

  public static boolean terminal(String state) {
    return state.equals("done") || state.equals("failed") || state.equals("cancelled");
  }

  /** The folder of operation {@code id} (an export's archive lives there). */
  public Path dirOf(String id) {
    return root.resolve(id);
  }

  @Override public void close() {
    cancelFlags.values().forEach(f -> f.set(true));
    workers.shutdown();
    try {
      workers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
