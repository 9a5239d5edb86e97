package org.trainset.server.review;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trainset.inspect.review.Iso2859Switching;
import org.trainset.inspect.review.SamplingPlan;
import org.trainset.server.ApiException;
import org.trainset.server.Ids;
import org.trainset.server.audit.AuditLog;
import org.trainset.server.auth.Principal;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;
import org.trainset.server.http.Http;
import org.trainset.server.project.Project;
import org.trainset.server.project.Projects;
import org.trainset.server.work.WorkEvents;

/**
 * The review stages as the API shows them ({@code GET /api/projects/{id}/review-stages}): each stage's
 * sampling and, for ISO 2859-1 stages, the switching state replayed by {@link IsoInspection} with its
 * lots; and the manager's resumption of a discontinued stage, which releases the lots held meanwhile.
 */
public final class Inspections {
  private final Database db;
  private final Projects projects;
  private final Workflows workflows;
  private final ReviewFlow flow;
  private final AuditLog audit;
  private final Clock clock;

  Inspections(Database db, Projects projects, Workflows workflows, ReviewFlow flow, AuditLog audit, Clock clock) {
    this.db = db;
    this.projects = projects;
    this.workflows = workflows;
    this.flow = flow;
    this.audit = audit;
    this.clock = clock;
  }

  public ObjectNode stages(Principal caller, String projectId) {
    Project p = projects.require(caller, projectId);
    ReviewWorkflow wf = workflows.of(p);
    return db.read(c -> {
      Map<String, IsoInspection.StageState> iso = IsoInspection.states(c, p.id(), wf);
      ObjectNode out = Http.object().put("projectId", p.id());
      ArrayNode arr = out.putArray("stages");
      for (ReviewWorkflow.StageRule r : wf.stages()) {
        SamplingPlan plan = wf.sampling(r.name());
        ObjectNode s = arr.addObject().put("name", r.name()).put("kind", r.kind().name().toLowerCase(java.util.Locale.ROOT))
            .put("sampling", plan instanceof SamplingPlan.Acceptance ? "iso2859" : plan instanceof SamplingPlan.Fraction ? "fraction" : "all");
        IsoInspection.StageState st = iso.get(r.name());
        if (st != null) {
          s.set("inspection", st.toJson());
          s.set("lots", IsoInspection.lots(c, p.id(), r, 100));
        }
      }
      return out;
    });
  }

  /** A manager resumes a discontinued stage on tightened inspection (ISO 2859-1 9.4); held lots enter review. */
  public ObjectNode resume(Principal caller, String projectId, String stage) {
    Project p = projects.require(caller, projectId);
    ReviewWorkflow wf = workflows.of(p);
    Double aql = IsoInspection.isoStages(wf).get(stage);
    if (aql == null) throw ApiException.notFound("ISO 2859-1 stage '" + stage + "'");
    long now = clock.millis();
    List<WorkEvents.Submitted> held = db.write(c -> {
      IsoInspection.StageState st = IsoInspection.state(c, p.id(), wf, stage, aql);
      if (st.state().mode() != Iso2859Switching.Mode.DISCONTINUED) {
        throw ApiException.conflict("stage '" + stage + "': inspection is " + IsoInspection.mode(st.state().mode())
            + ", not discontinued; nothing to resume");
      }
      long seq = Sql.count(c, "SELECT COALESCE(MAX(decided_seq), 0) FROM review_lots WHERE project_id = ? AND stage = ?",
          p.id(), stage) + 1;
      Sql.update(c, "INSERT INTO review_lots (id, project_id, stage, lot_id, kind, decided_seq, actor_id, created_at, decided_at) "
          + "VALUES (?, ?, ?, ?, 'resume', ?, ?, ?, ?)", Ids.newId(), p.id(), stage, "resume-" + seq, seq, caller.userId(), now, now);
      List<WorkEvents.Submitted> lots = new ArrayList<>(Sql.list(c, "SELECT lot_id, item_ids, author_id, created_at FROM review_lots "
          + "WHERE project_id = ? AND kind = 'held' ORDER BY created_at, id", rs -> new WorkEvents.Submitted(p.id(),
          rs.getString(1), List.of(rs.getString(2).split("\n")), rs.getString(3), rs.getLong(4)), p.id()));
      Sql.update(c, "DELETE FROM review_lots WHERE project_id = ? AND kind = 'held'", p.id());
      audit.append(c, new AuditLog.Entry(caller.userId(), "review.inspection.resume", "project", p.id(), Http.object()
          .put("stage", stage).put("heldLots", lots.size())));
      return lots;
    });
    int released = 0;
    for (WorkEvents.Submitted e : held) {
      try {
        flow.onSubmitted(e);
        released++;
      } catch (ApiException stillHeld) {
        // another stage of the project is discontinued too: the lot was held again there
      }
    }
    ObjectNode out = stages(caller, projectId);
    out.put("resumedStage", stage).put("lotsReleased", released);
    return out;
  }
}
