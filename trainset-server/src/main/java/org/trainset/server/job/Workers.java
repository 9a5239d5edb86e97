package org.trainset.server.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.trainset.server.ApiException;
import org.trainset.server.audit.AuditLog;
import org.trainset.server.auth.Principal;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;
import org.trainset.server.http.Http;

/**
 * Workers and their qualifications (trained for X-ray items, a medical specialty): managers see
 * the members of their organisations (admins: everyone) and set what each holds; a job that
 * requires a qualification goes only to people who hold it.
 */
public final class Workers {
  private final Database db;
  private final AuditLog audit;

  public Workers(Database db, AuditLog audit) {
    this.db = db;
    this.audit = audit;
  }

  /** Users {@code p} manages: members of their organisations; every user for admins. */
  public List<ObjectNode> list(Principal p) {
    return db.read(c -> {
      List<ObjectNode> out = new ArrayList<>();
      for (String[] u : Sql.list(c, "SELECT id, username, role FROM users ORDER BY username",
          rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})) {
        if (visible(c, p, u[0])) out.add(json(c, u[0], u[1], u[2]));
      }
      return out;
    });
  }

  /** 404 unless {@code userId} is a member of one of {@code p}'s organisations (admins: any user). */
  public void requireVisible(Principal p, String userId) {
    boolean ok = db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM users WHERE id = ?", userId) > 0 && visible(c, p, userId));
    if (!ok) throw ApiException.notFound("user " + userId);
  }

  /** Replaces the user's qualifications; 404 for users outside the caller's organisations. */
  public ObjectNode set(Principal p, String userId, List<String> qualifications) {
    return db.write(c -> {
      var u = Sql.one(c, "SELECT id, username, role FROM users WHERE id = ?",
          rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, userId).orElse(null);
      if (u == null || !visible(c, p, userId)) throw ApiException.notFound("user " + userId);
      Sql.update(c, "DELETE FROM user_qualifications WHERE user_id = ?", userId);
      for (String q : qualifications) Sql.update(c, "INSERT INTO user_qualifications (user_id, qualification) VALUES (?, ?)", userId, q);
      var arr = Http.MAPPER.createArrayNode();
      qualifications.forEach(arr::add);
      ObjectNode detail = Http.object();
      detail.set("qualifications", arr);
      audit.append(c, new AuditLog.Entry(p.userId(), "user.qualifications", "user", userId, detail));
      return json(c, u[0], u[1], u[2]);
    });
  }

  /** Parses {@code qualifications}: names of 1-64 characters, duplicates dropped. */
  public static List<String> parse(com.fasterxml.jackson.databind.JsonNode body) {
    var q = body.get("qualifications");
    if (q == null || q.isNull()) throw ApiException.badRequest("qualifications: required (an array of names)");
    if (!q.isArray()) throw ApiException.badRequest("qualifications: expected an array of names");
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (int i = 0; i < q.size(); i++) {
      var n = q.get(i);
      if (!n.isTextual() || n.asText().isBlank() || n.asText().length() > 64) {
        throw ApiException.badRequest("qualifications[" + i + "]: expected a name of 1-64 characters");
      }
      out.add(n.asText().strip());
    }
    return List.copyOf(out);
  }

  static List<String> qualifications(Connection c, String userId) throws SQLException {
    return Sql.list(c, "SELECT qualification FROM user_qualifications WHERE user_id = ? ORDER BY qualification", rs -> rs.getString(1), userId);
  }

  private static boolean visible(Connection c, Principal p, String userId) throws SQLException {
    if (p.isAdmin()) return true;
    for (String org : Sql.list(c, "SELECT org_id FROM user_orgs WHERE user_id = ?", rs -> rs.getString(1), userId)) {
      if (p.orgIds().contains(org)) return true;
    }
    return false;
  }

  private static ObjectNode json(Connection c, String id, String username, String role) throws SQLException {
    ObjectNode n = Http.object().put("id", id).put("username", username).put("role", role);
    var orgs = n.putArray("orgs");
    Sql.list(c, "SELECT o.name FROM orgs o JOIN user_orgs uo ON uo.org_id = o.id WHERE uo.user_id = ? ORDER BY o.name",
        rs -> rs.getString(1), id).forEach(orgs::add);
    var q = n.putArray("qualifications");
    qualifications(c, id).forEach(q::add);
    return n;
  }
}
