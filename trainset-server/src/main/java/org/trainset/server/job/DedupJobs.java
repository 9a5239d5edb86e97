package org.trainset.server.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trainset.refine.images.ImageCluster;
import org.trainset.refine.images.ImageDedup;
import org.trainset.server.ApiException;
import org.trainset.server.audit.AuditLog;
import org.trainset.server.auth.Principal;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;
import org.trainset.server.http.Http;

/**
 * Dedup jobs: a job of kind {@code dedup} holds the near-duplicate clusters the refine module's
 * {@link ImageDedup#cluster} (what {@code trainset dedup images} runs) finds among the job's
 * images, with its default distances; people record keep/drop per member (audited). Dropped
 * items ({@code keep = 0}) are left out of exports and releases by {@code item.ProjectDataset}.
 */
public final class DedupJobs {
  /** {@code dedup images}' defaults (--distance 10, --dhash-distance 12). */
  static final ImageDedup.Options OPTIONS = new ImageDedup.Options(10, 12, false);

  public record Decision(String itemId, boolean keep) {}

  private final Database db;
  private final Jobs jobs;
  private final AuditLog audit;
  private final Clock clock;

  public DedupJobs(Database db, Jobs jobs, AuditLog audit, Clock clock) {
    this.db = db;
    this.jobs = jobs;
    this.audit = audit;
    this.clock = clock;
  }

  /** Stores a new job's clusters (planned by {@link JobSplit}), inside the transaction that makes the job. */
  static void store(Connection c, String jobId, List<ImageCluster> clusters) throws SQLException {
    int k = 0;
    for (ImageCluster cl : clusters) {
      for (ImageCluster.Member m : cl.members()) {
        Sql.update(c, "INSERT INTO dedup_members (job_id, item_id, cluster, rule, phash_distance, dhash_distance) VALUES (?, ?, ?, ?, ?, ?)",
            jobId, m.id(), k, m.rule(), m.phashDistance(), m.dhashDistance());
      }
      k++;
    }
  }

  /** The job's clusters: members with distances to the cluster's first (kept by default) member and decisions. */
  public ArrayNode clusters(Job job) {
    Map<Integer, ArrayNode> byCluster = new LinkedHashMap<>();
    ArrayNode out = Http.MAPPER.createArrayNode();
    db.read(c -> Sql.list(c, "SELECT cluster, item_id, rule, phash_distance, dhash_distance, keep FROM dedup_members WHERE job_id = ? "
        + "ORDER BY cluster, CASE WHEN rule = 'keep' THEN 0 ELSE 1 END, item_id", rs -> {
          ArrayNode members = byCluster.computeIfAbsent(rs.getInt(1), i -> out.addObject().putArray("members"));
          ObjectNode m = members.addObject().put("itemId", rs.getString(2)).put("rule", rs.getString(3))
              .put("phashDistance", rs.getInt(4)).put("dhashDistance", rs.getInt(5));
          int keep = rs.getInt(6);
          if (rs.wasNull()) m.putNull("keep"); else m.put("keep", keep != 0);
          return m;
        }, job.id()));
    return out;
  }

  /** Parses {@code {decisions: [{itemId, keep}]}}; errors name the field. */
  public static List<Decision> parse(JsonNode body) {
    JsonNode d = body.get("decisions");
    if (d == null || !d.isArray() || d.isEmpty()) throw ApiException.badRequest("decisions: expected a non-empty array of {itemId, keep}");
    List<Decision> out = new ArrayList<>();
    for (int i = 0; i < d.size(); i++) {
      JsonNode n = d.get(i);
      JsonNode id = n.get("itemId"), keep = n.get("keep");
      if (id == null || !id.isTextual() || id.asText().isBlank()) throw ApiException.badRequest("decisions[" + i + "].itemId: expected an item id");
      if (keep == null || !keep.isBoolean()) throw ApiException.badRequest("decisions[" + i + "].keep: expected true or false");
      out.add(new Decision(id.asText(), keep.asBoolean()));
    }
    return out;
  }

  /**
   * Records keep/drop for members of the job's clusters, in one transaction, audited; returns the
   * clusters. Managers of the project decide in any of its dedup jobs, annotators in their own.
   */
  public ArrayNode decide(Principal p, String jobId, List<Decision> decisions) {
    Job job = jobs.require(p, jobId);
    if (!Job.DEDUP.equals(job.kind())) throw ApiException.conflict("job " + jobId + " is not a dedup job (kind dedup)");
    long now = clock.millis();
    db.write(c -> {
      ArrayNode detail = Http.MAPPER.createArrayNode();
      for (int i = 0; i < decisions.size(); i++) {
        Decision d = decisions.get(i);
        int changed = Sql.update(c, "UPDATE dedup_members SET keep = ?, decided_by = ?, decided_at = ? WHERE job_id = ? AND item_id = ?",
            d.keep() ? 1 : 0, p.userId(), now, jobId, d.itemId());
        if (changed == 0) throw ApiException.badRequest("decisions[" + i + "].itemId: " + d.itemId() + " is in no cluster of this job");
        detail.addObject().put("itemId", d.itemId()).put("keep", d.keep());
      }
      ObjectNode o = Http.object();
      o.set("decisions", detail);
      audit.append(c, new AuditLog.Entry(p.userId(), "dedup.decide", "job", jobId, o));
      return null;
    });
    return clusters(job);
  }
}
