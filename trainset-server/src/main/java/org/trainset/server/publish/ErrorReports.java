package org.trainset.server.publish;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.trainset.server.ApiException;
import org.trainset.server.Ids;
import org.trainset.server.auth.Principal;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;
import org.trainset.server.http.Http;
import org.trainset.server.project.Project;
import org.trainset.server.project.Projects;

/**
 * Problems data users report on published items (item, shape, text). They open in the source
 * project, where its managers see them and mark them fixed; the next release of the dataset lists
 * the fixes in its {@code CHANGES.json} ({@code fixedReports}) and records which version shipped them.
 */
public final class ErrorReports {
  private static final String COLS = "r.id, r.dataset_name, r.project_id, r.version, r.item_name, r.shape_index, r.text, "
      + "r.state, u.username, r.created_at, r.fixed_at, r.fix_note, r.shipped_in";
  private static final int MAX_TEXT = 4000;

  /** A report as stored. */
  public record Report(String id, String dataset, String projectId, String version, String item, Integer shapeIndex,
                       String text, String state, String reporter, long createdAt, Long fixedAt, String fixNote,
                       String shippedIn) {
    public ObjectNode toJson() {
      ObjectNode o = Http.object().put("id", id).put("dataset", dataset).put("version", version).put("item", item)
          .put("shapeIndex", shapeIndex).put("text", text).put("state", state).put("reporter", reporter)
          .put("createdAt", createdAt).put("fixedAt", fixedAt).put("fixNote", fixNote).put("shippedIn", shippedIn);
      return o;
    }
  }

  /** A fix not yet listed in a release's change notes. */
  record Fixed(String id, String item, Integer shapeIndex, String text, String note) {
    ObjectNode toJson() {
      return Http.object().put("id", id).put("item", item).put("shapeIndex", shapeIndex).put("text", text).put("fixNote", note);
    }
  }

  private final Database db;
  private final Releases releases;
  private final Projects projects;
  private final Clock clock;

  public ErrorReports(Database db, Releases releases, Projects projects, Clock clock) {
    this.db = db;
    this.releases = releases;
    this.projects = projects;
    this.clock = clock;
  }

  /** Files a report on item {@code item} (its name in the dataset) of a published dataset. */
  public Report file(Principal p, String datasetName, String version, String item, Integer shapeIndex, String text) {
    Releases.Dataset d = releases.requireDataset(datasetName);
    if (version != null) releases.requireRelease(datasetName, version);
    if (text.length() > MAX_TEXT) throw ApiException.badRequest("text: at most " + MAX_TEXT + " characters");
    if (shapeIndex != null && shapeIndex < 0) throw ApiException.badRequest("shapeIndex: must be 0 or more");
    String id = Ids.newId();
    long now = clock.millis();
    db.write(c -> {
      if (Sql.count(c, "SELECT COUNT(*) FROM items WHERE project_id = ? AND name = ?", d.projectId(), item) == 0) {
        throw ApiException.badRequest("item: '" + item + "' is not an item of dataset " + datasetName);
      }
      return Sql.update(c, "INSERT INTO error_reports (id, dataset_name, project_id, version, item_name, shape_index, text, "
          + "state, reporter_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)",
          id, datasetName, d.projectId(), version, item, shapeIndex, text, p.userId(), now);
    });
    return get(id);
  }

  /** The project's reports (404 when the caller cannot see the project), open ones first. */
  public List<Report> ofProject(Principal p, String projectId) {
    Project project = projects.require(p, projectId);
    return db.read(c -> Sql.list(c, "SELECT " + COLS + " FROM error_reports r JOIN users u ON u.id = r.reporter_id "
        + "WHERE r.project_id = ? ORDER BY CASE WHEN r.state = 'open' THEN 0 ELSE 1 END, r.created_at, r.id",
        ErrorReports::row, project.id()));
  }

  /** Marks a report fixed (with a note) or open again; 404 when its project is not the caller's. */
  public Report update(Principal p, String id, String state, String note) {
    Report r = db.read(c -> Sql.one(c, "SELECT " + COLS + " FROM error_reports r JOIN users u ON u.id = r.reporter_id "
        + "WHERE r.id = ?", ErrorReports::row, id)).orElseThrow(() -> ApiException.notFound("report " + id));
    projects.require(p, r.projectId());
    if (!state.equals("fixed") && !state.equals("open")) throw ApiException.badRequest("state: 'fixed' or 'open'");
    if (r.shippedIn() != null) {
      throw ApiException.conflict("state: the fix shipped in v" + r.shippedIn() + "; a released change note never changes");
    }
    boolean fixed = state.equals("fixed");
    db.write(c -> Sql.update(c, "UPDATE error_reports SET state = ?, fixed_by = ?, fixed_at = ?, fix_note = ? WHERE id = ?",
        state, fixed ? p.userId() : null, fixed ? clock.millis() : null, fixed ? note : null, id));
    return get(id);
  }

  private Report get(String id) {
    return db.read(c -> Sql.one(c, "SELECT " + COLS + " FROM error_reports r JOIN users u ON u.id = r.reporter_id "
        + "WHERE r.id = ?", ErrorReports::row, id)).orElseThrow();
  }

  /** Fixed reports of {@code dataset} that no release has listed yet, in the order they were filed. */
  static List<Fixed> unshippedFixes(Database db, String dataset) {
    return db.read(c -> Sql.list(c, "SELECT id, item_name, shape_index, text, fix_note FROM error_reports "
        + "WHERE dataset_name = ? AND state = 'fixed' AND shipped_in IS NULL ORDER BY created_at, id",
        rs -> {
          int shape = rs.getInt(3);
          return new Fixed(rs.getString(1), rs.getString(2), rs.wasNull() ? null : shape, rs.getString(4), rs.getString(5));
        }, dataset));
  }

  private static Report row(ResultSet rs) throws SQLException {
    rs.getInt(6);
    Integer shape = rs.wasNull() ? null : rs.getInt(6);
    rs.getLong(11);
    Long fixedAt = rs.wasNull() ? null : rs.getLong(11);
    return new Report(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), shape,
        rs.getString(7), rs.getString(8), rs.getString(9), rs.getLong(10), fixedAt, rs.getString(12), rs.getString(13));
  }
}
