package org.trainset.server.review;

import java.time.Clock;
import org.trainset.server.audit.AuditLog;
import org.trainset.server.db.Database;
import org.trainset.server.item.Items;
import org.trainset.server.project.ProjectAnalysis;
import org.trainset.server.project.Projects;
import org.trainset.server.work.WorkEvents;

/**
 * The review stage's services ({@code platform.review()}): workflows, the flow of items through
 * stages, issues, gold items and the quality figures. Listens for submitted jobs on {@link WorkEvents}.
 */
public final class Review {
  private final Workflows workflows;
  private final ReviewFlow flow;
  private final ReviewIssues issues;
  private final GoldItems gold;
  private final Quality quality;
  private final Inspections inspections;

  public Review(Database db, Projects projects, Items items, ProjectAnalysis analysis, WorkEvents events, AuditLog audit,
                Clock clock) {
    this.workflows = new Workflows(db, projects, audit, clock);
    this.flow = new ReviewFlow(db, projects, items, workflows, analysis, events, audit, clock);
    this.issues = new ReviewIssues(db, items, projects, workflows, audit, clock);
    this.gold = new GoldItems(db, items, audit, clock);
    this.quality = new Quality(db, projects, workflows);
    this.inspections = new Inspections(db, projects, workflows, flow, audit, clock);
    events.onSubmitted(flow::onSubmitted);
  }

  public Workflows workflows() { return workflows; }
  public ReviewFlow flow() { return flow; }
  public ReviewIssues issues() { return issues; }
  public GoldItems gold() { return gold; }
  public Quality quality() { return quality; }
  public Inspections inspections() { return inspections; }
}
