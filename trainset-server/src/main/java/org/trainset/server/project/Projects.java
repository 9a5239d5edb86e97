package org.trainset.server.project;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.trainset.server.ApiException;
import org.trainset.server.Ids;
import org.trainset.server.auth.Principal;
import org.trainset.server.auth.Users;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;

/**
 * Projects and who may see them: members of the project's organisation, and admins. Every
 * lookup for a caller goes through {@link #require}, which answers 404 (not 403) for projects
 * of other organisations so their existence does not leak.
 */
public final class Projects {
  private static final String SELECT = "SELECT p.id, p.name, p.org_id, o.name, p.family, p.rule_pack, p.source_format, "
      + "p.schema_json, p.generation, p.item_count, p.created_at FROM projects p JOIN orgs o ON o.id = p.org_id ";

  private final Database db;

  public Projects(Database db) {
    this.db = db;
  }

  public Project create(Principal p, String name, String family, String rulePack, String orgName) {
    if (name == null || !name.matches("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,99}")) {
      throw ApiException.badRequest("name: 1-100 letters, digits, spaces, '.', '_' or '-', starting with a letter or digit");
    }
    String fam = family == null ? "generic" : family;
    if (!fam.matches("[a-z0-9._-]{1,64}")) throw ApiException.badRequest("family: a family id such as aihub.sidewalk, or generic");
    return db.write(c -> {
      String orgId;
      if (orgName == null) {
        orgId = p.orgIds().stream().findFirst().orElseThrow(() -> ApiException.badRequest("org: you belong to no organisation"));
      } else {
        orgId = Users.orgId(c, orgName, false);
        if (orgId == null || !p.isAdmin() && !p.orgIds().contains(orgId)) {
          throw ApiException.badRequest("org: you are not a member of '" + orgName + "'");
        }
      }
      if (Sql.count(c, "SELECT COUNT(*) FROM projects WHERE org_id = ? AND name = ?", orgId, name) > 0) {
        throw ApiException.conflict("name: a project '" + name + "' already exists in this organisation");
      }
      String id = Ids.newId();
      Sql.update(c, "INSERT INTO projects (id, name, org_id, family, rule_pack, generation, item_count, created_by, created_at) "
          + "VALUES (?, ?, ?, ?, ?, 0, 0, ?, ?)", id, name, orgId, fam, rulePack, p.userId(), System.currentTimeMillis());
      return byId(c, id).orElseThrow();
    });
  }

  public List<Project> list(Principal p) {
    return db.read(c -> Sql.list(c, SELECT + "ORDER BY p.name, p.id", Projects::row).stream()
        .filter(pr -> visible(p, pr)).toList());
  }

  /** The project when {@code p} may see it; 404 otherwise. */
  public Project require(Principal p, String id) {
    Project pr = db.read(c -> byId(c, id)).orElseThrow(() -> ApiException.notFound("project " + id));
    if (!visible(p, pr)) throw ApiException.notFound("project " + id);
    return pr;
  }

  /** The project named {@code name} that {@code p} may see (first by organisation order). */
  public Optional<Project> byName(Principal p, String name) {
    return list(p).stream().filter(pr -> pr.name().equals(name)).findFirst();
  }

  public Optional<Project> byId(String id) {
    return db.read(c -> byId(c, id));
  }

  static boolean visible(Principal p, Project pr) {
    return p.isAdmin() || p.orgIds().contains(pr.orgId());
  }

  private static Optional<Project> byId(Connection c, String id) throws SQLException {
    return Sql.one(c, SELECT + "WHERE p.id = ?", Projects::row, id);
  }

  private static Project row(ResultSet rs) throws SQLException {
    return new Project(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9), rs.getLong(10), rs.getLong(11));
  }
}
