package org.trainset.server.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.trainset.server.http.Http;

/**
 * A job: some of a project's items for one worker (or one aspect of them), with its state
 * (new → in_progress → submitted) and progress.
 */
public record Job(String id, String projectId, int seq, String name, String kind, String state, String assigneeId,
                  String assigneeName, String aspect, String qualification, Double frameRate, String subset,
                  long createdAt, Long submittedAt, String overrideJson, int itemCount, int doneCount) {
  public static final String NEW = "new";
  public static final String IN_PROGRESS = "in_progress";
  public static final String SUBMITTED = "submitted";
  public static final String ANNOTATE = "annotate";
  public static final String DEID = "deid";
  public static final String DEDUP = "dedup";

  static final String SELECT = "SELECT j.id, j.project_id, j.seq, j.name, j.kind, j.state, j.assignee_id, u.username, "
      + "j.aspect, j.qualification, j.frame_rate, j.subset, j.created_at, j.submitted_at, j.override_json, "
      + "(SELECT COUNT(*) FROM job_items ji WHERE ji.job_id = j.id), "
      + "(SELECT COUNT(*) FROM job_items ji WHERE ji.job_id = j.id AND ji.state = 'done') "
      + "FROM jobs j LEFT JOIN users u ON u.id = j.assignee_id ";

  static Job row(ResultSet rs) throws SQLException {
    double rate = rs.getDouble(11);
    Double frameRate = rs.wasNull() ? null : rate;
    long sub = rs.getLong(14);
    Long submittedAt = rs.wasNull() ? null : sub;
    return new Job(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6),
        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), frameRate, rs.getString(12),
        rs.getLong(13), submittedAt, rs.getString(15), rs.getInt(16), rs.getInt(17));
  }

  public boolean submitted() {
    return SUBMITTED.equals(state);
  }

  public ObjectNode toJson() {
    ObjectNode n = Http.object().put("id", id).put("projectId", projectId).put("name", name).put("kind", kind)
        .put("state", state);
    if (assigneeId == null) {
      n.putNull("assignee");
    } else {
      n.putObject("assignee").put("id", assigneeId).put("username", assigneeName);
    }
    n.put("itemCount", itemCount).put("doneCount", doneCount).put("aspect", aspect).put("qualification", qualification)
        .put("frameRate", frameRate).put("subset", subset).put("createdAt", createdAt).put("submittedAt", submittedAt);
    try {
      n.set("override", overrideJson == null ? null : Http.MAPPER.readTree(overrideJson));
    } catch (IOException e) {
      throw new IllegalStateException("stored override of job " + id + " is not JSON", e);
    }
    return n;
  }
}
