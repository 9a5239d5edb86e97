package org.trainset.server.job;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.trainset.server.ApiException;
import org.trainset.server.Ids;
import org.trainset.server.audit.AuditLog;
import org.trainset.server.auth.Principal;
import org.trainset.server.auth.Role;
import org.trainset.server.check.Checks;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;
import org.trainset.server.http.Http;
import org.trainset.server.item.Items;
import org.trainset.server.ops.Operations;
import org.trainset.server.item.StoredItem;
import org.trainset.server.project.Project;
import org.trainset.server.project.Projects;
import org.trainset.server.work.WorkEvents;

/**
 * Jobs and queues: a manager splits a project's items into jobs and assigns them (or annotators
 * take free ones); the assignee works through "next item" and submits; submitted items enter
 * review ({@link WorkEvents.Submitted}) and come back when a reviewer returns one. Every lookup
 * checks the project's organisation (404 for others); annotators see only their own jobs.
 */
public final class Jobs {
  /** What a submit did: the job, or the open errors that stopped it. */
  public record SubmitOutcome(Job job, List<ObjectNode> openErrors) {
    public boolean refused() {
      return job == null;
    }
  }

  private final Database db;
  private final Projects projects;
  private final Items items;
  private final Checks checks;
  private final AuditLog audit;
  private final WorkEvents events;
  private final Clock clock;
  private final JobSplit split;

  public Jobs(Database db, Projects projects, Items items, Checks checks, AuditLog audit, WorkEvents events, Clock clock,
              JobSplit split) {
    this.db = db;
    this.projects = projects;
    this.items = items;
    this.checks = checks;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
    this.split = split;
    events.onReturned(this::returned);
  }

  /** Splits the project's items that are in no job of the same aspect and kind; 409 when none are left. */
  public List<Job> create(Principal p, Project project, JobRequest req) {
    return create(p, project, req, f -> { }, () -> false);
  }

  /**
   * {@link #create} as a background operation of kind {@code job-split} whose result is the jobs
   * made ({@code {jobs: [...]}}); nothing left to split is refused at once (409).
   */
  public String start(Operations operations, Principal p, Project project, JobRequest req) {
    if (!split.anythingToSplit(project, req)) throw ApiException.conflict(NOTHING_LEFT);
    return operations.start(p, project.id(), "job-split", ctx -> toJson(create(p, project, req, ctx::progress, ctx::cancelled)));
  }

  private static final String NOTHING_LEFT = "every current item of the project is already in a job of this kind and aspect";

  private List<Job> create(Principal p, Project project, JobRequest req, DoubleConsumer progress, BooleanSupplier cancelled) {
    List<JobSplit.Planned> planned = split.plan(project, req, progress, cancelled);
    if (planned.isEmpty()) throw ApiException.conflict(NOTHING_LEFT);
    long now = clock.millis();
    List<String> ids = db.write(c -> {
      // the plan was read outside this transaction: a split that finished meanwhile (two managers,
      // or two background splits) may have taken some of its items; then this one writes nothing.
      // The no-op update holds the project's row until commit, so on PostgreSQL a concurrent split
      // of the project waits here and then sees these jobs (SQLite serialises writes anyway).
      Sql.update(c, "UPDATE projects SET name = name WHERE id = ?", project.id());
      java.util.Map<String, Set<String>> taken = new java.util.HashMap<>();
      for (JobSplit.Planned j : planned) {
        String aspect = j.aspect() == null ? "" : j.aspect();
        if (!taken.containsKey(aspect)) {
          taken.put(aspect, Set.copyOf(Sql.list(c, "SELECT ji.item_id FROM job_items ji JOIN jobs j ON j.id = ji.job_id "
              + "WHERE j.project_id = ? AND j.kind = ? AND COALESCE(j.aspect, '') = ?", rs -> rs.getString(1), project.id(),
              req.kind(), aspect)));
        }
        for (JobSplit.PlannedItem it : j.items()) {
          if (taken.get(aspect).contains(it.itemId())) {
            throw ApiException.conflict("item " + it.itemId() + " was put in another " + req.kind() + " job"
                + (j.aspect() == null ? "" : " of aspect '" + j.aspect() + "'") + " while this split was planned; no job was made");
          }
        }
      }
      if (cancelled.getAsBoolean()) throw new CancellationException("cancelled before the jobs were written");
      int seq = (int) Sql.count(c, "SELECT COALESCE(MAX(seq), 0) FROM jobs WHERE project_id = ?", project.id());
      List<String> made = new ArrayList<>();
      for (JobSplit.Planned j : planned) {
        seq++;
        String id = Ids.newId();
        String name = "job " + seq + (j.subset() == null ? "" : " · " + j.subset()) + (j.aspect() == null ? "" : " · " + j.aspect());
        Sql.update(c, "INSERT INTO jobs (id, project_id, seq, name, kind, state, aspect, qualification, frame_rate, subset, "
            + "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, project.id(), seq, name, req.kind(),
            Job.NEW, j.aspect(), req.qualification(), req.frameRate(), j.subset(), p.userId(), now);
        int i = 0;
        for (JobSplit.PlannedItem it : j.items()) {
          Sql.update(c, "INSERT INTO job_items (job_id, item_id, seq, state, frames) VALUES (?, ?, ?, 'todo', ?)",
              id, it.itemId(), i++, it.framesJson());
        }
        DedupJobs.store(c, id, j.clusters());
        made.add(id);
      }
      split.storeDrafts(c, project, planned, p, now);
      audit.append(c, new AuditLog.Entry(p.userId(), "jobs.create", "project", project.id(),
          Http.object().put("jobs", made.size()).put("kind", req.kind()).put("items", planned.stream().mapToInt(x -> x.items().size()).sum())));
      return made;
    });
    return db.read(c -> {
      List<Job> out = new ArrayList<>();
      for (String id : ids) out.add(byId(c, id));
      return out;
    });
  }

  /** Jobs as the API lists them: {@code {jobs: [...]}}. */
  public static ObjectNode toJson(List<Job> jobs) {
    ObjectNode out = Http.object();
    ArrayNode arr = out.putArray("jobs");
    jobs.forEach(j -> arr.add(j.toJson()));
    return out;
  }

  /** The project's jobs; annotators see their own and the free jobs whose qualification they hold. */
  public List<Job> list(Principal p, Project project) {
    return db.read(c -> {
      List<Job> all = Sql.list(c, Job.SELECT + "WHERE j.project_id = ? ORDER BY j.seq", Job::row, project.id());
      if (p.role() != Role.ANNOTATOR) return all;
      Set<String> quals = Set.copyOf(Workers.qualifications(c, p.userId()));
      return all.stream().filter(j -> p.userId().equals(j.assigneeId())
          || j.assigneeId() == null && !j.submitted() && (j.qualification() == null || quals.contains(j.qualification()))).toList();
    });
  }

  /** The caller's jobs in projects they can still see. */
  public List<Job> mine(Principal p) {
    return db.read(c -> Sql.list(c, Job.SELECT + "WHERE j.assignee_id = ? ORDER BY j.created_at, j.seq", Job::row, p.userId()))
        .stream().filter(j -> projects.byId(j.projectId()).map(pr -> p.isAdmin() || p.orgIds().contains(pr.orgId())).orElse(false))
        .toList();
  }

  /** The job when its project is visible to {@code p} (404 otherwise), whoever it is assigned to. */
  public Job requireVisible(Principal p, String jobId) {
    Job j = db.read(c -> Sql.one(c, Job.SELECT + "WHERE j.id = ?", Job::row, jobId)).orElseThrow(() -> ApiException.notFound("job " + jobId));
    try {
      projects.require(p, j.projectId());
    } catch (ApiException e) {
      throw ApiException.notFound("job " + jobId);
    }
    return j;
  }

  /** As {@link #requireVisible}, and an annotator must be its assignee (403 otherwise). */
  public Job require(Principal p, String jobId) {
    Job j = requireVisible(p, jobId);
    if (p.role() == Role.ANNOTATOR && !p.userId().equals(j.assigneeId())) {
      throw ApiException.forbidden("job " + jobId + " is not assigned to you");
    }
    return j;
  }

  /** The job with its items (state, sampled frames) and the next item still to do. */
  public ObjectNode detail(Job j) {
    ObjectNode n = j.toJson();
    ArrayNode arr = n.putArray("items");
    String[] next = {null};
    db.read(c -> Sql.list(c, "SELECT i.id, i.name, ji.state, ji.frames FROM job_items ji JOIN items i ON i.id = ji.item_id "
        + "WHERE ji.job_id = ? ORDER BY ji.seq", rs -> {
          ObjectNode it = arr.addObject().put("id", rs.getString(1)).put("name", rs.getString(2)).put("state", rs.getString(3));
          String frames = rs.getString(4);
          if (frames != null) {
            try {
              it.set("frames", Http.MAPPER.readTree(frames));
            } catch (java.io.IOException e) {
              throw new SQLException("stored frames are not JSON", e);
            }
          }
          if (next[0] == null && rs.getString(3).equals("todo")) next[0] = rs.getString(1);
          return it;
        }, j.id()));
    n.put("nextItemId", next[0]);
    return n;
  }

  /** The ids of the job's items, in job order. */
  public List<String> itemIds(Job j) {
    return db.read(c -> Sql.list(c, "SELECT item_id FROM job_items WHERE job_id = ? ORDER BY seq", rs -> rs.getString(1), j.id()));
  }

  /** A manager assigns {@code userId} (null: unassigns). */
  public Job assign(Principal p, String jobId, String userId) {
    if (p.role() != Role.ADMIN && p.role() != Role.MANAGER) throw ApiException.forbidden("userId: only managers assign jobs; take a free job with {\"take\": true}");
    Job j = requireVisible(p, jobId);
    Project project = projects.require(p, j.projectId());
    return db.write(c -> {
      if (userId != null) {
        var u = Sql.one(c, "SELECT role FROM users WHERE id = ?", rs -> rs.getString(1), userId)
            .orElseThrow(() -> ApiException.badRequest("userId: no user " + userId));
        if (Sql.count(c, "SELECT COUNT(*) FROM user_orgs WHERE user_id = ? AND org_id = ?", userId, project.orgId()) == 0) {
          throw ApiException.badRequest("userId: the user is not a member of the project's organisation");
        }
        if (Role.fromKey(u) == Role.DATAUSER) throw ApiException.badRequest("userId: a data user cannot work on jobs");
        if (j.qualification() != null && !Workers.qualifications(c, userId).contains(j.qualification())) {
          throw ApiException.badRequest("userId: the job needs qualification '" + j.qualification() + "', which the user does not hold");
        }
      }
      Sql.update(c, "UPDATE jobs SET assignee_id = ? WHERE id = ?", userId, jobId);
      audit.append(c, new AuditLog.Entry(p.userId(), "job.assign", "job", jobId, Http.object().put("assignee", userId)));
      return byId(c, jobId);
    });
  }

  /** The caller takes a free job they qualify for; 409 when someone else has it. */
  public Job take(Principal p, String jobId) {
    Job j = requireVisible(p, jobId);
    if (p.role() == Role.DATAUSER) throw ApiException.forbidden("data users cannot take jobs");
    return db.write(c -> {
      if (j.qualification() != null && !Workers.qualifications(c, p.userId()).contains(j.qualification())) {
        throw ApiException.forbidden("take: the job needs qualification '" + j.qualification() + "', which you do not hold");
      }
      if (j.submitted()) throw ApiException.conflict("take: the job is already submitted");
      int changed = Sql.update(c, "UPDATE jobs SET assignee_id = ? WHERE id = ? AND assignee_id IS NULL", p.userId(), jobId);
      if (changed == 0 && !p.userId().equals(Sql.one(c, "SELECT assignee_id FROM jobs WHERE id = ?", rs -> rs.getString(1), jobId).orElse(null))) {
        throw ApiException.conflict("take: the job is already assigned to someone else");
      }
      audit.append(c, new AuditLog.Entry(p.userId(), "job.take", "job", jobId, Http.object()));
      return byId(c, jobId);
    });
  }

  /**
   * Submits the job: its assignee or a manager. Open errors of the live check refuse it unless
   * {@code override}; an override is recorded on the job and in the audit log.
   */
  public SubmitOutcome submit(Principal p, String jobId, boolean override, String reason) {
    Job j = require(p, jobId);
    if (j.submitted()) throw ApiException.conflict("the job is already submitted");
    if (j.assigneeId() == null) throw ApiException.conflict("the job has no assignee; assign it first");
    Project project = projects.require(p, j.projectId());
    List<String> itemIds = itemIds(j);
    List<ObjectNode> errors = new ArrayList<>();
    for (String itemId : itemIds) {
      StoredItem s = items.find(itemId).orElse(null);
      if (s == null) continue;
      for (Checks.Finding f : checks.check(project, s, null).errors()) errors.add(f.toJson().put("itemId", itemId).put("itemRef", itemId).put("item", s.name()));
    }
    if (!errors.isEmpty() && !override) return new SubmitOutcome(null, errors);
    long now = clock.millis();
    Job done = db.write(c -> {
      String overrideJson = null;
      if (!errors.isEmpty()) {
        ObjectNode o = Http.object().put("by", p.userId()).put("username", p.username()).put("reason", reason)
            .put("errors", errors.size()).put("at", now);
        overrideJson = o.toString();
      }
      int changed = Sql.update(c, "UPDATE jobs SET state = ?, submitted_at = ?, override_json = ? WHERE id = ? AND state <> ?",
          Job.SUBMITTED, now, overrideJson, jobId, Job.SUBMITTED);
      if (changed == 0) throw ApiException.conflict("the job is already submitted");
      ObjectNode detail = Http.object().put("items", itemIds.size()).put("openErrors", errors.size());
      if (!errors.isEmpty()) detail.put("override", true).put("reason", reason);
      audit.append(c, new AuditLog.Entry(p.userId(), errors.isEmpty() ? "job.submit" : "job.submit.override", "job", jobId, detail));
      return byId(c, jobId);
    });
    events.submitted(new WorkEvents.Submitted(j.projectId(), jobId, itemIds, j.assigneeId(), now));
    return new SubmitOutcome(done, List.of());
  }

  /** A reviewer returned an item: its submitted jobs reopen and the item is to do again. */
  private void returned(WorkEvents.Returned e) {
    db.write(c -> {
      List<String> jobs = Sql.list(c, "SELECT j.id FROM jobs j JOIN job_items ji ON ji.job_id = j.id WHERE ji.item_id = ? AND j.state = ?",
          rs -> rs.getString(1), e.itemId(), Job.SUBMITTED);
      for (String id : jobs) {
        Sql.update(c, "UPDATE jobs SET state = ?, submitted_at = NULL WHERE id = ?", Job.IN_PROGRESS, id);
        Sql.update(c, "UPDATE job_items SET state = 'todo' WHERE job_id = ? AND item_id = ?", id, e.itemId());
        audit.append(c, new AuditLog.Entry(e.reviewerId(), "job.returned", "job", id,
            Http.object().put("itemId", e.itemId()).put("reason", e.reason())));
      }
      return null;
    });
  }

  static Job byId(Connection c, String id) throws SQLException {
    return Sql.one(c, Job.SELECT + "WHERE j.id = ?", Job::row, id).orElseThrow();
  }

  /** The jobs an item is in. */
  static List<Job> jobsOf(Connection c, String itemId) throws SQLException {
    return Sql.list(c, Job.SELECT + "WHERE j.id IN (SELECT job_id FROM job_items WHERE item_id = ?)", Job::row, itemId);
  }
}
