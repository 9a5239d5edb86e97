package org.trainset.server.job;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.trainset.server.ApiException;
import org.trainset.server.auth.Principal;
import org.trainset.server.auth.Role;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;
import org.trainset.server.item.ItemGuard;
import org.trainset.server.item.StoredItem;

/**
 * The jobs' rules for items, applied by every item route. Annotators: an item that is in a job
 * opens only for the assignee of one of its jobs; an item in no job opens for every annotator of
 * the project's organisation (projects that do not use jobs keep working). An annotator edits an
 * item only through a job of theirs that is not submitted (read-only until a reviewer returns an
 * item). Managers, admins and reviewers are not restricted. A save by the assignee marks the item
 * done and starts the job.
 */
public final class JobAccess implements ItemGuard {
  private final Database db;

  public JobAccess(Database db) {
    this.db = db;
  }

  @Override public void checkRead(Principal p, StoredItem item) {
    if (p.role() != Role.ANNOTATOR) return;
    List<Job> jobs = db.read(c -> Jobs.jobsOf(c, item.id()));
    if (jobs.isEmpty() || jobs.stream().anyMatch(j -> p.userId().equals(j.assigneeId()))) return;
    throw ApiException.forbidden("item " + item.id() + " belongs to a job that is not assigned to you");
  }

  @Override public void checkWrite(Principal p, StoredItem item) {
    if (p.role() != Role.ANNOTATOR) return;
    List<Job> jobs = db.read(c -> Jobs.jobsOf(c, item.id()));
    if (jobs.isEmpty()) return;
    List<Job> mine = jobs.stream().filter(j -> p.userId().equals(j.assigneeId())).toList();
    if (mine.isEmpty()) throw ApiException.forbidden("item " + item.id() + " belongs to a job that is not assigned to you");
    if (mine.stream().allMatch(Job::submitted)) {
      throw ApiException.forbidden("job '" + mine.get(0).name() + "' is submitted: its items are read-only for you until a reviewer returns one");
    }
  }

  @Override public void saved(Connection c, Principal p, String itemId) throws SQLException {
    for (Job j : Jobs.jobsOf(c, itemId)) {
      if (!p.userId().equals(j.assigneeId()) || j.submitted()) continue;
      Sql.update(c, "UPDATE job_items SET state = 'done' WHERE job_id = ? AND item_id = ?", j.id(), itemId);
      if (Job.NEW.equals(j.state())) Sql.update(c, "UPDATE jobs SET state = ? WHERE id = ?", Job.IN_PROGRESS, j.id());
    }
  }
}
