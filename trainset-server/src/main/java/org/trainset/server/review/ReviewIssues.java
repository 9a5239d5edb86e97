package org.trainset.server.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.trainset.inspect.review.ErrorSeverity;
import org.trainset.server.ApiException;
import org.trainset.server.Ids;
import org.trainset.server.audit.AuditLog;
import org.trainset.server.auth.Principal;
import org.trainset.server.auth.Role;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;
import org.trainset.server.http.Http;
import org.trainset.server.item.Items;
import org.trainset.server.item.StoredItem;
import org.trainset.server.project.Projects;

/**
 * Issues pinned on an item — on an annotation (by index), a point, an area or the whole item —
 * with a category from the workflow's list (or an MQM code and severity on translations), a
 * comment thread and open/resolved state. Comments can be reviewer-only when the workflow allows
 * it: annotators never receive them, and an issue opened with one is hidden from annotators.
 */
public final class ReviewIssues {
  private static final String SELECT = "SELECT i.id, i.item_id, i.stage, u.username, i.category, i.annotation_index, i.x, i.y, "
      + "i.w, i.h, i.mqm_code, i.severity, i.auto, i.state, i.created_at, i.updated_at, i.project_id "
      + "FROM review_issues i LEFT JOIN users u ON u.id = i.created_by ";

  private final Database db;
  private final Items items;
  private final Projects projects;
  private final Workflows workflows;
  private final AuditLog audit;
  private final Clock clock;

  public ReviewIssues(Database db, Items items, Projects projects, Workflows workflows, AuditLog audit, Clock clock) {
    this.db = db;
    this.items = items;
    this.projects = projects;
    this.workflows = workflows;
    this.audit = audit;
    this.clock = clock;
  }

  /** The item's issues the caller may see, oldest first. */
  public ObjectNode list(Principal p, String itemId) {
    items.require(p, itemId);
    return db.read(c -> {
      ObjectNode out = Http.object();
      ArrayNode arr = out.putArray("issues");
      for (ObjectNode n : Sql.list(c, SELECT + "WHERE i.item_id = ? ORDER BY i.created_at, i.id", ReviewIssues::row, itemId)) {
        if (withComments(c, n, p)) arr.add(n);
      }
      return out;
    });
  }

  /** Opens an issue (201). */
  public ObjectNode create(Principal p, String itemId, JsonNode body) {
    StoredItem s = items.require(p, itemId);
    ReviewWorkflow wf = workflows.of(projects.require(p, s.projectId()));
    String category = Http.text(body, "category");
    String code = null;
    String severity = null;
    if (body.hasNonNull("mqm")) {
      JsonNode m = body.get("mqm");
      code = Http.text(m, "code");
      if (!wf.mqm().codes().containsKey(code)) throw ApiException.badRequest("mqm.code: unknown; one of " + wf.mqm().codes().keySet());
      try {
        severity = ErrorSeverity.parse(Http.text(m, "severity")).key();
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("mqm.severity: " + e.getMessage());
      }
    } else if (!wf.issueCategories().contains(category)) {
      throw ApiException.badRequest("category: '" + category + "' is not one of the workflow's " + wf.issueCategories());
    }
    Integer index = null;
    Double x = null, y = null, w = null, h = null;
    if (body.hasNonNull("annotationIndex")) {
      if (!body.get("annotationIndex").canConvertToInt() || body.get("annotationIndex").asInt() < 0) {
        throw ApiException.badRequest("annotationIndex: a non-negative integer");
      }
      index = body.get("annotationIndex").asInt();
    }
    if (body.hasNonNull("area")) {
      JsonNode a = body.get("area");
      x = number(a, "area.x");
      y = number(a, "area.y");
      w = number(a, "area.w");
      h = number(a, "area.h");
      if (w < 0 || h < 0) throw ApiException.badRequest("area: w and h must not be negative");
    } else if (body.hasNonNull("point")) {
      x = number(body.get("point"), "point.x");
      y = number(body.get("point"), "point.y");
    }
    String comment = Http.optionalText(body, "comment");
    boolean reviewerOnly = reviewerOnly(p, wf, body);
    String id = Ids.newId();
    long now = clock.millis();
    String stage = Http.optionalText(body, "stage");
    final Integer fi = index;
    final Double fx = x, fy = y, fw = w, fh = h;
    final String fc = code, fs = severity;
    return db.write(c -> {
      Sql.update(c, "INSERT INTO review_issues (id, project_id, item_id, stage, created_by, category, annotation_index, x, y, w, h, "
          + "mqm_code, severity, auto, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 'open', ?, ?)",
          id, s.projectId(), itemId, stage, p.userId(), category, fi, fx, fy, fw, fh, fc, fs, now, now);
      if (comment != null) addComment(c, id, p.userId(), comment, reviewerOnly, now);
      audit.append(c, new AuditLog.Entry(p.userId(), "review.issue.open", "item", itemId, Http.object().put("issue", id).put("category", category)));
      return one(c, id, p);
    });
  }

  /** Resolves/reopens ({@code state}) and/or adds a comment. */
  public ObjectNode update(Principal p, String issueId, JsonNode body) {
    ObjectNode issue = db.read(c -> Sql.one(c, SELECT + "WHERE i.id = ?", ReviewIssues::row, issueId))
        .orElseThrow(() -> ApiException.notFound("issue " + issueId));
    String itemId = issue.get("itemId").asText();
    StoredItem s = items.require(p, itemId); // 404 for other organisations
    if (!db.read(c -> withComments(c, issue.deepCopy(), p))) throw ApiException.notFound("issue " + issueId);
    String state = Http.optionalText(body, "state");
    String comment = Http.optionalText(body, "comment");
    if (state == null && comment == null) throw ApiException.badRequest("body: give 'state' (open, resolved) and/or 'comment'");
    if (state != null && !state.equals("open") && !state.equals("resolved")) throw ApiException.badRequest("state: open or resolved");
    ReviewWorkflow wf = workflows.of(projects.require(p, s.projectId()));
    boolean reviewerOnly = reviewerOnly(p, wf, body);
    long now = clock.millis();
    return db.write(c -> {
      if (state != null) {
        Sql.update(c, "UPDATE review_issues SET state = ?, updated_at = ? WHERE id = ?", state, now, issueId);
        audit.append(c, new AuditLog.Entry(p.userId(), state.equals("resolved") ? "review.issue.resolve" : "review.issue.reopen",
            "item", itemId, Http.object().put("issue", issueId)));
      }
      if (comment != null) {
        addComment(c, issueId, p.userId(), comment, reviewerOnly, now);
        Sql.update(c, "UPDATE review_issues SET updated_at = ? WHERE id = ?", now, issueId);
      }
      return one(c, issueId, p);
    });
  }

  /** Pre-places a rule-engine finding as an auto-issue (no author, category {@code rule:ID}). */
  static void addAuto(Connection c, String projectId, String itemId, String stage, String rule, Integer index, String message,
                      long now) throws SQLException {
    String id = Ids.newId();
    Sql.update(c, "INSERT INTO review_issues (id, project_id, item_id, stage, created_by, category, annotation_index, auto, state, "
        + "created_at, updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?, 1, 'open', ?, ?)", id, projectId, itemId, stage, "rule:" + rule,
        index, now, now);
    addComment(c, id, null, message, false, now);
  }

  private static boolean reviewerOnly(Principal p, ReviewWorkflow wf, JsonNode body) {
    JsonNode r = body.get("reviewerOnly");
    if (r == null || r.isNull()) return false;
    if (!r.isBoolean()) throw ApiException.badRequest("reviewerOnly: true or false");
    if (!r.asBoolean()) return false;
    if (!wf.reviewerOnlyComments()) throw ApiException.badRequest("reviewerOnly: the workflow does not allow reviewer-only comments (issues.reviewer-only)");
    if (p.role() == Role.ANNOTATOR) throw ApiException.forbidden("reviewerOnly: annotators cannot write reviewer-only comments");
    return true;
  }

  private static void addComment(Connection c, String issueId, String authorId, String text, boolean reviewerOnly, long now)
      throws SQLException {
    if (text.length() > 10_000) throw ApiException.badRequest("comment: longer than 10000 characters");
    Sql.update(c, "INSERT INTO review_issue_comments (id, issue_id, author_id, text, reviewer_only, at) VALUES (?, ?, ?, ?, ?, ?)",
        Ids.newId(), issueId, authorId, text, reviewerOnly ? 1 : 0, now);
  }

  private static ObjectNode one(Connection c, String id, Principal p) throws SQLException {
    ObjectNode n = Sql.one(c, SELECT + "WHERE i.id = ?", ReviewIssues::row, id).orElseThrow();
    withComments(c, n, p);
    return n;
  }

  /** Adds the comments {@code p} may read; false when the whole issue is hidden from {@code p}. */
  private static boolean withComments(Connection c, ObjectNode n, Principal p) throws SQLException {
    boolean annotator = p.role() == Role.ANNOTATOR;
    List<ObjectNode> comments = Sql.list(c, "SELECT k.id, u.username, k.text, k.reviewer_only, k.at FROM review_issue_comments k "
        + "LEFT JOIN users u ON u.id = k.author_id WHERE k.issue_id = ? ORDER BY k.at, k.id", rs -> {
          ObjectNode k = Http.object().put("id", rs.getString(1)).put("author", rs.getString(2)).put("text", rs.getString(3))
              .put("reviewerOnly", rs.getInt(4) == 1).put("at", rs.getLong(5));
          return k;
        }, n.get("id").asText());
    if (annotator && !comments.isEmpty() && comments.get(0).get("reviewerOnly").asBoolean()) return false;
    ArrayNode arr = n.putArray("comments");
    for (ObjectNode k : comments) if (!annotator || !k.get("reviewerOnly").asBoolean()) arr.add(k);
    return true;
  }

  private static ObjectNode row(java.sql.ResultSet rs) throws SQLException {
    ObjectNode n = Http.object().put("id", rs.getString(1)).put("itemId", rs.getString(2)).put("stage", rs.getString(3))
        .put("createdBy", rs.getString(4)).put("category", rs.getString(5));
    ObjectNode anchor = n.putObject("anchor");
    int idx = rs.getInt(6);
    boolean hasIndex = !rs.wasNull();
    double x = rs.getDouble(7);
    boolean hasX = !rs.wasNull();
    double y = rs.getDouble(8);
    double w = rs.getDouble(9);
    boolean hasW = !rs.wasNull();
    double h = rs.getDouble(10);
    anchor.put("kind", hasW ? "area" : hasX ? "point" : hasIndex ? "annotation" : "item");
    if (hasIndex) anchor.put("annotationIndex", idx);
    if (hasX) anchor.put("x", x).put("y", y);
    if (hasW) anchor.put("w", w).put("h", h);
    if (rs.getString(11) != null) n.putObject("mqm").put("code", rs.getString(11)).put("severity", rs.getString(12));
    n.put("auto", rs.getInt(13) == 1).put("state", rs.getString(14)).put("createdAt", rs.getLong(15)).put("updatedAt", rs.getLong(16));
    return n;
  }

  private static double number(JsonNode n, String field) {
    String key = field.substring(field.indexOf('.') + 1);
    JsonNode v = n == null ? null : n.get(key);
    if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) throw ApiException.badRequest(field + ": a finite number");
    return v.asDouble();
  }
}
