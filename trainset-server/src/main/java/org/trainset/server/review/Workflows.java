package org.trainset.server.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import org.trainset.server.ApiException;
import org.trainset.server.audit.AuditLog;
import org.trainset.server.auth.Principal;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;
import org.trainset.server.http.Http;
import org.trainset.server.project.Project;
import org.trainset.server.project.Projects;

/**
 * Each project's review workflow: the YAML a manager saved, else the preset of the project's
 * family (the seed's process). Saving validates first and is audited.
 */
public final class Workflows {
  private final Database db;
  private final Projects projects;
  private final AuditLog audit;
  private final Clock clock;

  public Workflows(Database db, Projects projects, AuditLog audit, Clock clock) {
    this.db = db;
    this.projects = projects;
    this.audit = audit;
    this.clock = clock;
  }

  /** The workflow in force for {@code p}. */
  public ReviewWorkflow of(Project p) {
    String yaml = db.read(c -> Sql.one(c, "SELECT yaml FROM review_workflows WHERE project_id = ?", rs -> rs.getString(1), p.id()))
        .orElseGet(() -> ReviewWorkflow.presetYaml(p.family()));
    return ReviewWorkflow.parse(yaml);
  }

  public ObjectNode get(Principal caller, String projectId) {
    Project p = projects.require(caller, projectId);
    boolean saved = db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM review_workflows WHERE project_id = ?", p.id()) > 0);
    ObjectNode out = of(p).toJson();
    out.put("source", saved ? "project" : "preset");
    ArrayNode presets = out.putArray("presets");
    ReviewWorkflow.PRESETS.forEach(presets::add);
    return out;
  }

  /** Saves {@code {"yaml": ...}} or {@code {"preset": family}} after checking it. */
  public ObjectNode put(Principal caller, String projectId, JsonNode body) {
    Project p = projects.require(caller, projectId);
    String yaml;
    if (body.hasNonNull("preset")) {
      String preset = Http.text(body, "preset");
      if (!ReviewWorkflow.PRESETS.contains(preset)) {
        throw ApiException.badRequest("preset: unknown; one of " + ReviewWorkflow.PRESETS);
      }
      yaml = ReviewWorkflow.presetYaml(preset);
    } else {
      yaml = Http.text(body, "yaml");
    }
    ReviewWorkflow wf = ReviewWorkflow.parse(yaml);
    long now = clock.millis();
    db.write(c -> {
      if (Sql.update(c, "UPDATE review_workflows SET yaml = ?, updated_by = ?, updated_at = ? WHERE project_id = ?",
          yaml, caller.userId(), now, p.id()) == 0) {
        Sql.update(c, "INSERT INTO review_workflows (project_id, yaml, updated_by, updated_at) VALUES (?, ?, ?, ?)",
            p.id(), yaml, caller.userId(), now);
      }
      audit.append(c, new AuditLog.Entry(caller.userId(), "review.workflow.save", "project", p.id(),
          Http.object().put("workflow", wf.workflow().name()).put("stages", wf.stages().size())));
      return null;
    });
    ObjectNode out = wf.toJson();
    out.put("source", "project");
    ArrayNode presets = out.putArray("presets");
    ReviewWorkflow.PRESETS.forEach(presets::add);
    return out;
  }
}
