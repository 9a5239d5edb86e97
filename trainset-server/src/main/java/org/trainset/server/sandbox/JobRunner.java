package org.trainset.server.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trainset.server.Ids;
import org.trainset.server.audit.AuditLog;
import org.trainset.server.db.Sql;

/**
 * Runs one job from the queue to its end: the recipe or the isolated script, then quarantine
 * (every file of {@code out/} moved where only the server reads it) and the automatic checks.
 */
final class JobRunner {
  private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
  private static final int MAX_LINE = 2000;

  private final SandboxJobs jobs;
  private final String id;
  private final Path dir;
  private OutputChecks checks;
  private OutputStream log;
  private long logBytes;
  private boolean logFull;

  JobRunner(SandboxJobs jobs, String id) {
    this.jobs = jobs;
    this.id = id;
    this.dir = jobs.dirOf(id);
  }

  void run() {
    SandboxJobs.Row r = jobs.row(id).orElse(null);
    if (r == null) return;
    SandboxLimits limits = jobs.limits();
    String error = null;
    Integer exit = null;
    long started = jobs.clock().millis();
    jobs.db().write(c -> Sql.update(c, "UPDATE sandbox_jobs SET state = 'running', started_at = ? WHERE id = ?", started, id));
    try (OutputStream l = Files.newOutputStream(dir.resolve("log.txt"), StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      log = l;
      Path release = jobs.data().releaseDir(r.dataset(), r.version())
          .orElseThrow(() -> new IOException("release " + r.dataset() + " " + r.version() + " is gone"));
      Path scratch = Files.createDirectories(dir.resolve("scratch"));
      checks = new OutputChecks(jobs.index(r.dataset(), r.version(), release), limits, scratch);
      Path out = Files.createDirectories(dir.resolve("out"));
      if (r.kind().equals("recipe")) {
        line("[sandbox] recipe " + r.spec().path("recipe").asText() + " on " + r.dataset() + " " + r.version());
        Path predictions = scratch.resolve("predictions");
        ObjectNode result = Recipes.run(r.spec(), release, Files.exists(predictions) ? predictions : null, scratch, jobs.formats());
        Files.write(out.resolve("result.json"), SandboxJobs.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(result));
        line("[sandbox] recipe finished; result.json waits for output checking");
        exit = 0;
      } else {
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwx------"));
        Files.setAttribute(out, "unix:uid", jobs.uid());
        Files.setAttribute(out, "unix:gid", jobs.uid());
        Path view = ReleaseView.of(jobs.root(), r.dataset(), r.version(), release);
        List<String> cmd = Isolation.command(new Isolation.Mounts(view, dir.resolve("job"), out), jobs.uid(), limits,
            program(r.spec(), limits));
        line("[sandbox] running " + r.spec().path("runtime").asText() + " " + r.spec().path("entry").asText()
            + " (no network; /data read-only; write to /out; limits: cpu " + limits.cpuSeconds() + " s, memory "
            + (limits.memoryBytes() >> 20) + " MiB, " + limits.processes() + " processes, wall " + limits.wallSeconds() + " s)");
        ScriptRun.Outcome o = ScriptRun.run(cmd, out, limits, t -> write(t, true));
        exit = o.exitCode();
        error = o.failure();
        line("[sandbox] " + (error == null ? "finished (exit 0)" : error) + " after " + o.millis() + " ms");
      }
      setState("checking");
      quarantine(out);
    } catch (Exception e) {
      LOG.warn("sandbox job {} failed", id, e);
      error = e instanceof IllegalArgumentException || e instanceof IOException ? e.getMessage() : "internal error: " + e;
      try {
        line("[sandbox] failed: " + error);
      } catch (RuntimeException ignored) {
        // the log is best effort once the job failed
      }
    } finally {
      log = null;
    }
    String err = error;
    Integer code = exit;
    long finished = jobs.clock().millis();
    jobs.db().write(c -> {
      Sql.update(c, "UPDATE sandbox_jobs SET state = ?, exit_code = ?, error = ?, finished_at = ? WHERE id = ?",
          err == null ? "done" : "failed", code, err, finished, id);
      ObjectNode d = SandboxJobs.JSON.createObjectNode().put("state", err == null ? "done" : "failed");
      if (code != null) d.put("exitCode", code);
      if (err != null) d.put("error", err);
      d.put("outputs", Sql.count(c, "SELECT COUNT(*) FROM sandbox_outputs WHERE job_id = ?", id));
      d.put("blocked", Sql.count(c, "SELECT COUNT(*) FROM sandbox_outputs WHERE job_id = ? AND blocked = 1", id));
      jobs.audit().append(c, new AuditLog.Entry(null, "sandbox.job.finish", "sandbox_job", id, d));
      return null;
    });
  }

  private void setState(String state) {
    jobs.db().write(c -> Sql.update(c, "UPDATE sandbox_jobs SET state = ? WHERE id = ?", state, id));
  }

  /** The program inside the sandbox: the host's Python or Java, never a program from the upload. */
  static List<String> program(JsonNode spec, SandboxLimits limits) {
    List<String> p = new ArrayList<>();
    String entry = "/job/" + spec.path("entry").asText();
    if (spec.path("runtime").asText().equals("jar")) {
      long heap = Math.max(32, (limits.memoryBytes() >> 20) / 4);
      p.addAll(List.of("/usr/bin/java", "-Xmx" + heap + "m", "-Xss1m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
          "-XX:ReservedCodeCacheSize=32m", "-XX:CompressedClassSpaceSize=64m", "-XX:MaxMetaspaceSize=128m",
          "-XX:-UsePerfData", "-Djava.io.tmpdir=/tmp", "-jar", entry));
    } else {
      p.addAll(List.of("/usr/bin/python3", "-s", "-B", entry));
    }
    for (JsonNode a : spec.path("args")) p.add(a.asText());
    return p;
  }

  /** Moves every regular file of {@code out} into the quarantine and checks it; anything else is refused. */
  private void quarantine(Path out) throws IOException {
    Path q = Files.createDirectories(dir.resolve("outputs"));
    Files.setPosixFilePermissions(q, PosixFilePermissions.fromString("rwx------"));
    List<Path> entries;
    try (var s = Files.walk(out)) {
      entries = s.filter(p -> !p.equals(out)).sorted().toList();
    }
    for (Path p : entries) {
      String name = out.relativize(p).toString();
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) continue;
      if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        line("[sandbox] not taken out: " + name + " is not a regular file (links and devices stay in the sandbox)");
        continue;
      }
      String outputId = Ids.newId();
      Path kept = q.resolve(outputId);
      Files.move(p, kept, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      if (Isolation.isRoot()) Files.setAttribute(kept, "unix:uid", 0);
      Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-------"));
      OutputChecks.Report report = checks.check(kept, name);
      com.fasterxml.jackson.databind.node.ArrayNode findings = SandboxJobs.JSON.createArrayNode();
      report.findings().forEach(f -> findings.add(f.toJson()));
      long size = Files.size(kept);
      String sha = FileTypes.sha256(kept);
      long now = jobs.clock().millis();
      jobs.db().write(c -> Sql.update(c, "INSERT INTO sandbox_outputs (id, job_id, path, size, sha256, file_type, checks, blocked, state, created_at) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'quarantined', ?)", outputId, id, name, size, sha, report.fileType(), findings.toString(),
          report.blocked() ? 1 : 0, now));
      line("[sandbox] output " + name + " (" + size + " bytes, " + report.fileType() + "): "
          + (report.findings().isEmpty() ? "no findings" : report.findings().size() + " finding(s)" + (report.blocked() ? ", blocked" : "")));
    }
    Isolation.deleteTree(out);
  }

  private void line(String text) {
    write(text, false);
  }

  /**
   * One log line: cut to {@value #MAX_LINE} characters, the log capped; a line the job printed is
   * withheld when it holds an identifier of the dataset (the submitter reads the log live).
   */
  private synchronized void write(String text, boolean fromJob) {
    if (log == null || logFull) return;
    String shown = text.length() > MAX_LINE ? text.substring(0, MAX_LINE) + " …" : text;
    if (fromJob && checks != null && checks.lineHoldsIdentifier(text)) {
      shown = "[sandbox] line withheld: it holds an identifier of the dataset";
    }
    byte[] b = (shown + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      if (logBytes + b.length > jobs.limits().logBytes()) {
        logFull = true;
        b = ("[sandbox] log cut at " + jobs.limits().logBytes() + " bytes\n").getBytes(StandardCharsets.UTF_8);
      }
      log.write(b);
      log.flush();
      logBytes += b.length;
    } catch (IOException e) {
      logFull = true;
    }
  }
}
