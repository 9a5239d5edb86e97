package org.trainset.server.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.trainset.server.ApiException;
import org.trainset.server.audit.AuditLog;
import org.trainset.server.auth.Principal;
import org.trainset.server.db.Sql;

/**
 * A job's outputs after quarantine: their check results, the checker's decision and the download
 * of what was approved. Decisions: {@code approve}, {@code approve-with-changes} (a reason saying
 * what changed, and optionally the changed text that is released instead) or {@code reject} (a
 * reason). An output with a blocking finding can only be rejected.
 */
public final class SandboxOutputs {
  public static final Set<String> DECISIONS = Set.of("approve", "approve-with-changes", "reject");
  private static final String COLUMNS = "o.id, o.job_id, o.path, o.size, o.sha256, o.file_type, o.checks, o.blocked, o.state, "
      + "o.reason, o.changes, o.decided_at, o.released_sha256, j.dataset, j.version, j.org_id, j.submitted_by, o.created_at";

  private final SandboxJobs jobs;

  public SandboxOutputs(SandboxJobs jobs) {
    this.jobs = jobs;
  }

  private record Out(ObjectNode json, String jobId, String orgId, String submittedBy, String state, boolean blocked) {}

  /** The outputs of a job {@code p} may see. */
  public ArrayNode ofJob(Principal p, String jobId) {
    jobs.require(p, jobId);
    ArrayNode a = SandboxJobs.JSON.createArrayNode();
    for (Out o : list("WHERE o.job_id = ? ORDER BY o.path", jobId)) a.add(o.json());
    return a;
  }

  /** The checker's queue: outputs waiting for a decision in the organisations {@code p} checks, oldest first. */
  public ArrayNode queue(Principal p) {
    ArrayNode a = SandboxJobs.JSON.createArrayNode();
    long now = jobs.clock().millis();
    for (Out o : list("WHERE o.state = 'quarantined' ORDER BY o.created_at, o.id")) {
      if (!jobs.isChecker(p, o.orgId()) || o.submittedBy().equals(p.userId())) continue;
      ObjectNode j = o.json().deepCopy();
      j.put("ageMillis", Math.max(0, now - j.path("createdAt").asLong()));
      a.add(j);
      if (a.size() >= 500) break;
    }
    return a;
  }

  private Out require(Principal p, String outputId) {
    List<Out> found = list("WHERE o.id = ?", outputId);
    if (found.isEmpty()) throw ApiException.notFound("sandbox output " + outputId);
    Out o = found.get(0);
    if (!o.submittedBy().equals(p.userId()) && !jobs.isChecker(p, o.orgId())) throw ApiException.notFound("sandbox output " + outputId);
    return o;
  }

  /** Records a checker's decision. */
  public ObjectNode decide(Principal p, String outputId, JsonNode body) throws IOException {
    Out o = require(p, outputId);
    if (!jobs.isChecker(p, o.orgId())) throw ApiException.forbidden("only a checker (admin, or manager or reviewer of the dataset's organisation) decides");
    if (o.submittedBy().equals(p.userId())) throw ApiException.forbidden("outputs of your own job are checked by someone else");
    String decision = body.path("decision").asText("");
    if (!DECISIONS.contains(decision)) throw ApiException.badRequest("decision: one of " + new java.util.TreeSet<>(DECISIONS) + ", got '" + decision + "'");
    String reason = body.path("reason").isTextual() ? body.path("reason").asText().strip() : null;
    if (!decision.equals("approve") && (reason == null || reason.isEmpty())) {
      throw ApiException.badRequest("reason: required to " + decision + " (the submitter reads it)");
    }
    if (!o.state().equals("quarantined")) throw ApiException.conflict("output " + outputId + " was already decided (" + o.state() + ")");
    if (o.blocked() && !decision.equals("reject")) {
      throw ApiException.conflict("output " + outputId + " has blocking findings; it can only be rejected");
    }
    Path stored = jobs.dirOf(o.jobId()).resolve("outputs").resolve(outputId);
    Path released = stored;
    if (body.has("replacement") && !body.get("replacement").isNull()) {
      if (!decision.equals("approve-with-changes")) throw ApiException.badRequest("replacement: only with approve-with-changes");
      if (!body.get("replacement").isTextual()) throw ApiException.badRequest("replacement: expected the changed file as text");
      released = stored.resolveSibling(outputId + ".released");
      Files.writeString(released, body.get("replacement").asText(), StandardCharsets.UTF_8);
      SandboxJobs.Row job = jobs.row(o.jobId()).orElseThrow();
      Path release = jobs.data().releaseDir(job.dataset(), job.version()).orElseThrow(() -> ApiException.conflict("the release is gone"));
      OutputChecks.Report again = new OutputChecks(jobs.index(job.dataset(), job.version(), release), jobs.limits(),
          Files.createDirectories(jobs.dirOf(o.jobId()).resolve("scratch"))).check(released, o.json().path("path").asText());
      if (again.blocked()) {
        Files.delete(released);
        throw ApiException.badRequest("replacement: " + again.findings().stream().filter(OutputChecks.Finding::blocks)
            .map(OutputChecks.Finding::message).findFirst().orElse("blocked by the output checks"));
      }
    }
    String state = switch (decision) {
      case "approve" -> "approved";
      case "approve-with-changes" -> "approved-with-changes";
      default -> "rejected";
    };
    String releasedSha = state.equals("rejected") ? null : FileTypes.sha256(released);
    long now = jobs.clock().millis();
    String changes = released == stored ? null : "replaced";
    jobs.db().write(c -> {
      int n = Sql.update(c, "UPDATE sandbox_outputs SET state = ?, reason = ?, changes = ?, released_sha256 = ?, decided_by = ?, decided_at = ? "
          + "WHERE id = ? AND state = 'quarantined'", state, reason, changes, releasedSha, p.userId(), now, outputId);
      if (n != 1) throw ApiException.conflict("output " + outputId + " was already decided");
      ObjectNode d = SandboxJobs.JSON.createObjectNode().put("decision", state).put("job", o.jobId()).put("path", o.json().path("path").asText());
      if (reason != null) d.put("reason", reason);
      if (releasedSha != null) d.put("releasedSha256", releasedSha);
      jobs.audit().append(c, new AuditLog.Entry(p.userId(), "sandbox.output.decide", "sandbox_output", outputId, d));
      return null;
    });
    return list("WHERE o.id = ?", outputId).get(0).json();
  }

  /** A file to send: the submitter gets an approved output; a checker may read any output to judge it. */
  public record Download(Path file, String name, String sha256) {}

  public Download download(Principal p, String outputId) {
    Out o = require(p, outputId);
    boolean checker = jobs.isChecker(p, o.orgId()) && !o.submittedBy().equals(p.userId());
    boolean approved = o.state().startsWith("approved");
    if (!checker && !approved) {
      throw ApiException.forbidden("output " + outputId + " is " + o.state() + "; only approved outputs leave the sandbox");
    }
    Path dir = jobs.dirOf(o.jobId()).resolve("outputs");
    Path file = Files.exists(dir.resolve(outputId + ".released")) && approved ? dir.resolve(outputId + ".released") : dir.resolve(outputId);
    String name = o.json().path("path").asText();
    ObjectNode d = SandboxJobs.JSON.createObjectNode().put("job", o.jobId()).put("path", name).put("asChecker", checker);
    jobs.audit().append(p.userId(), "sandbox.output.download", "sandbox_output", outputId, d);
    String sha = approved && o.json().has("releasedSha256") ? o.json().get("releasedSha256").asText() : o.json().path("sha256").asText();
    return new Download(file, name.substring(name.lastIndexOf('/') + 1), sha);
  }

  private List<Out> list(String where, Object... params) {
    return jobs.db().read(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM sandbox_outputs o JOIN sandbox_jobs j ON j.id = o.job_id " + where,
        SandboxOutputs::row, params));
  }

  private static Out row(ResultSet rs) throws SQLException {
    ObjectNode o = SandboxJobs.JSON.createObjectNode();
    o.put("id", rs.getString(1)).put("jobId", rs.getString(2)).put("path", rs.getString(3)).put("size", rs.getLong(4))
        .put("sha256", rs.getString(5)).put("fileType", rs.getString(6));
    o.set("checks", SandboxJobs.tree(rs.getString(7)));
    o.put("blocked", rs.getInt(8) == 1).put("state", rs.getString(9));
    if (rs.getString(10) != null) o.put("reason", rs.getString(10));
    if (rs.getString(11) != null) o.put("changes", rs.getString(11));
    long decided = rs.getLong(12);
    if (!rs.wasNull()) o.put("decidedAt", decided);
    if (rs.getString(13) != null) o.put("releasedSha256", rs.getString(13));
    o.put("dataset", rs.getString(14)).put("version", rs.getString(15)).put("createdAt", rs.getLong(18));
    return new Out(o, rs.getString(2), rs.getString(16), rs.getString(17), rs.getString(9), rs.getInt(8) == 1);
  }
}
