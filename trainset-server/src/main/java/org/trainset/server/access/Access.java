package org.trainset.server.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.trainset.server.ApiException;
import org.trainset.server.Ids;
import org.trainset.server.audit.AuditLog;
import org.trainset.server.auth.Principal;
import org.trainset.server.auth.Role;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;

/**
 * Who may see, download or compute on a published dataset: its access modes (per dataset,
 * version or subset; the most specific rule wins: subset, then version, then dataset; an archive of all subsets takes the strictest)
 * and the grants made by approving access requests. {@link #require} is the one check every
 * download and sandbox route calls.
 */
public final class Access {
  /** The mode of a dataset the catalog does not know (its own {@code access_mode} comes first). */
  public static final AccessMode DEFAULT_MODE = AccessMode.GATED;
  public static final int DEFAULT_REMINDER_DAYS = 7;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One stored rule; {@code version}/{@code subset} empty = every version/subset. */
  public record Rule(String dataset, String version, String subset, AccessMode mode, RequestForm form, int reminderDays) {
    public ObjectNode toJson() {
      ObjectNode o = JsonNodeFactory.instance.objectNode().put("dataset", dataset).put("mode", mode.key());
      o.put("version", version.isEmpty() ? null : version).put("subset", subset.isEmpty() ? null : subset);
      o.set("form", form.toJson());
      o.put("reminderDays", reminderDays);
      return o;
    }
  }

  /** A grant; {@code userId} or {@code orgId} is set. */
  public record Grant(String id, String dataset, String version, String subset, String userId, String orgId,
      String requestId, String grantedBy, long createdAt, long expiresAt, Long revokedAt, String revokeReason) {
    public String state(long now) {
      return revokedAt != null ? "revoked" : expiresAt <= now ? "expired" : "active";
    }

    public ObjectNode toJson(long now) {
      ObjectNode o = JsonNodeFactory.instance.objectNode().put("id", id).put("dataset", dataset)
          .put("version", version.isEmpty() ? null : version).put("subset", subset.isEmpty() ? null : subset)
          .put("to", userId != null ? "user" : "organisation").put("userId", userId).put("orgId", orgId)
          .put("requestId", requestId).put("createdAt", Instant.ofEpochMilli(createdAt).toString())
          .put("expiresAt", Instant.ofEpochMilli(expiresAt).toString()).put("state", state(now));
      if (revokedAt != null) o.put("revokedAt", Instant.ofEpochMilli(revokedAt).toString()).put("revokeReason", revokeReason);
      return o;
    }
  }

  private final Database db;
  private final Clock clock;
  private final AuditLog audit;
  private final DatasetDirectory directory;
  /** Bumped on every revocation: running downloads re-check their grant when it moves. */
  private final AtomicLong revocations = new AtomicLong();

  public Access(Database db, Clock clock, AuditLog audit, DatasetDirectory directory) {
    this.db = db;
    this.clock = clock;
    this.audit = audit;
    this.directory = directory;
  }

  public DatasetDirectory directory() { return directory; }
  public Clock clock() { return clock; }

  /**
   * Checks that {@code p} (null: anonymous) may use {@code dataset} ({@code version}, {@code subset}
   * null: the whole dataset or version) for {@code purpose}. Returns the id of the grant that
   * allows it, or null when none was needed (open data, sign-in data, the publishing
   * organisation's managers and the admins). Throws 404 for an unknown dataset or version, 401
   * when signing in would help, 403 otherwise. A sandbox dataset is never downloaded, by anyone.
   */
  public String require(Principal p, String dataset, String version, String subset, Purpose purpose) {
    String org = directory.orgId(dataset).orElseThrow(() -> ApiException.notFound("dataset '" + dataset + "'"));
    if (version != null && directory.releaseDir(dataset, version).isEmpty()) {
      throw ApiException.notFound("version '" + version + "' of dataset '" + dataset + "'");
    }
    AccessMode mode = mode(dataset, version, subset);
    if (mode == AccessMode.OPEN || purpose == Purpose.VIEW && mode != AccessMode.SIGNIN) return null;
    if (mode == AccessMode.SANDBOX && purpose == Purpose.DOWNLOAD) {
      throw ApiException.forbidden("dataset '" + dataset + "' is sandbox-only: its files are never downloaded; submit a sandbox job instead");
    }
    if (p == null) throw ApiException.unauthorized("dataset '" + dataset + "' needs signing in");
    if (mode == AccessMode.SIGNIN || manages(p, org)) return null;
    return activeGrant(p, dataset, version, subset).map(Grant::id).orElseThrow(() -> ApiException.forbidden(
        "no active grant for dataset '" + dataset + "'" + (version == null ? "" : " version " + version)
            + (subset == null ? "" : " subset " + subset) + ": request access (POST /api/datasets/" + dataset + "/access-requests)"));
  }

  /** True when {@code p} is an admin or a manager of {@code orgId}: may set modes and decide requests. */
  public static boolean manages(Principal p, String orgId) {
    return p != null && (p.isAdmin() || p.role() == Role.MANAGER && p.orgIds().contains(orgId));
  }

  /** True when {@code p} may review the dataset's requests (its managers and reviewers, admins). */
  public static boolean reviews(Principal p, String orgId) {
    return manages(p, orgId) || p != null && p.role() == Role.REVIEWER && p.orgIds().contains(orgId);
  }

  /** The organisation of {@code dataset} when {@code p} reviews it; 404 otherwise (unknown or another organisation's). */
  public String requireReviewer(Principal p, String dataset) {
    String org = directory.orgId(dataset).orElseThrow(() -> ApiException.notFound("dataset '" + dataset + "'"));
    if (!reviews(p, org)) throw ApiException.notFound("dataset '" + dataset + "'");
    return org;
  }

  /** The mode that applies: the most specific rule; with {@code subset} null, the strictest rule of any subset too. */
  public AccessMode mode(String dataset, String version, String subset) {
    List<Rule> rules = rules(dataset);
    AccessMode mode = null;
    int best = -1;
    for (Rule r : rules) {
      boolean vMatch = r.version().isEmpty() || r.version().equals(version);
      boolean sMatch = r.subset().isEmpty() || r.subset().equals(subset);
      if (!vMatch || !sMatch) continue;
      int specificity = specificity(r);
      if (specificity > best) {
        best = specificity;
        mode = r.mode();
      }
    }
    if (mode == null) mode = directory.catalogMode(dataset);
    if (subset == null) {
      for (Rule r : rules) {
        if (!r.subset().isEmpty() && (r.version().isEmpty() || r.version().equals(version))) mode = mode.stricter(r.mode());
      }
    }
    return mode;
  }

  /** A subset's rule beats a version's, which beats the dataset's. */
  private static int specificity(Rule r) {
    return (r.subset().isEmpty() ? 0 : 2) + (r.version().isEmpty() ? 0 : 1);
  }

  /** The dataset's rules, dataset-wide first. */
  public List<Rule> rules(String dataset) {
    return db.read(c -> Sql.list(c, "SELECT dataset_name, version, subset, mode, form_json, reminder_days FROM access_modes "
        + "WHERE dataset_name = ? ORDER BY version, subset", Access::rule, dataset));
  }

  /** The rule a gated request for this scope answers to (its form and reminder days). */
  public Rule ruleFor(String dataset, String version, String subset) {
    Rule best = null;
    int score = -1;
    for (Rule r : rules(dataset)) {
      if (!(r.version().isEmpty() || r.version().equals(version)) || !(r.subset().isEmpty() || r.subset().equals(subset))) continue;
      int s = specificity(r);
      if (s > score) {
        score = s;
        best = r;
      }
    }
    return best != null ? best
        : new Rule(dataset, "", "", directory.catalogMode(dataset), RequestForm.EMPTY, DEFAULT_REMINDER_DAYS);
  }

  /** Sets the mode (and gated form) of a dataset, version or subset; managers of the dataset's organisation only. */
  public Rule setMode(Principal p, String dataset, String version, String subset, AccessMode mode, RequestForm form, int reminderDays) {
    String org = directory.orgId(dataset).orElseThrow(() -> ApiException.notFound("dataset '" + dataset + "'"));
    if (!manages(p, org)) throw ApiException.notFound("dataset '" + dataset + "'");
    if (reminderDays < 1 || reminderDays > 365) throw ApiException.badRequest("reminderDays: must be between 1 and 365");
    Rule r = new Rule(dataset, version == null ? "" : version, subset == null ? "" : subset, mode, form, reminderDays);
    db.write(c -> {
      Sql.update(c, "DELETE FROM access_modes WHERE dataset_name = ? AND version = ? AND subset = ?", r.dataset(), r.version(), r.subset());
      Sql.update(c, "INSERT INTO access_modes (dataset_name, version, subset, mode, form_json, reminder_days, updated_by, updated_at) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", r.dataset(), r.version(), r.subset(), mode.key(), form.toJson().toString(),
          reminderDays, p.userId(), clock.millis());
      if (r.version().isEmpty() && r.subset().isEmpty()) directory.catalogModeChanged(c, dataset, mode);
      audit.append(c, new AuditLog.Entry(p.userId(), "access.mode", "dataset", dataset, r.toJson()));
      return null;
    });
    revocations.incrementAndGet(); // a stricter mode applies to running downloads too
    return r;
  }

  /** The caller's usable grant for this scope: their own first, then their organisations'. */
  public Optional<Grant> activeGrant(Principal p, String dataset, String version, String subset) {
    long now = clock.millis();
    return db.read(c -> {
      for (Grant g : Sql.list(c, GRANT_COLUMNS + " WHERE dataset_name = ? AND revoked_at IS NULL AND expires_at > ? "
          + "AND (scope_version = '' OR scope_version = ?) AND (scope_subset = '' OR scope_subset = ?) ORDER BY user_id, expires_at DESC",
          Access::grant, dataset, now, version == null ? "" : version, subset == null ? "" : subset)) {
        if (p.userId().equals(g.userId()) || g.orgId() != null && p.orgIds().contains(g.orgId())) return Optional.of(g);
      }
      return Optional.<Grant>empty();
    });
  }

  /** Makes a grant inside the caller's transaction (the approval of a request). */
  Grant grant(Connection c, Principal by, String dataset, String version, String subset, String userId, String orgId,
      String requestId, long expiresAt) throws SQLException {
    Grant g = new Grant(Ids.newId(), dataset, version, subset, userId, orgId, requestId, by.userId(), clock.millis(), expiresAt, null, null);
    Sql.update(c, "INSERT INTO access_grants (id, dataset_name, scope_version, scope_subset, user_id, org_id, request_id, granted_by, "
        + "created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", g.id(), dataset, version, subset, userId, orgId,
        requestId, by.userId(), g.createdAt(), expiresAt);
    audit.append(c, new AuditLog.Entry(by.userId(), "grant.create", "grant", g.id(), g.toJson(g.createdAt())));
    return g;
  }

  /** Revokes a grant at once (running downloads stop at their next chunk); managers of the dataset's organisation. */
  public Grant revoke(Principal p, String grantId, String reason) {
    Grant g = byId(grantId).orElseThrow(() -> ApiException.notFound("grant '" + grantId + "'"));
    String org = directory.orgId(g.dataset()).orElse(null);
    if (org == null || !manages(p, org)) throw ApiException.notFound("grant '" + grantId + "'");
    if (g.revokedAt() != null) throw ApiException.conflict("grant '" + grantId + "' is already revoked");
    long now = clock.millis();
    db.write(c -> {
      Sql.update(c, "UPDATE access_grants SET revoked_at = ?, revoked_by = ?, revoke_reason = ? WHERE id = ?", now, p.userId(), reason, grantId);
      if (g.requestId() != null) AccessRequests.markRevoked(c, g.requestId(), p.userId(), reason, now);
      ObjectNode d = JsonNodeFactory.instance.objectNode().put("dataset", g.dataset()).put("reason", reason);
      audit.append(c, new AuditLog.Entry(p.userId(), "grant.revoke", "grant", grantId, d));
      return null;
    });
    revocations.incrementAndGet();
    return byId(grantId).orElseThrow();
  }

  public Optional<Grant> byId(String id) {
    return db.read(c -> Sql.one(c, GRANT_COLUMNS + " WHERE id = ?", Access::grant, id));
  }

  /** Grants that cover {@code p} (to them or to one of their organisations), newest first, with their state. */
  public List<Grant> grantsOf(Principal p) {
    return db.read(c -> {
      List<Grant> out = new ArrayList<>();
      for (Grant g : Sql.list(c, GRANT_COLUMNS + " ORDER BY created_at DESC", Access::grant)) {
        if (p.userId().equals(g.userId()) || g.orgId() != null && p.orgIds().contains(g.orgId())) out.add(g);
      }
      return out;
    });
  }

  /**
   * A check a long transfer repeats between chunks: cheap until a grant was revoked, a mode
   * changed or the grant's expiry passed, then the full {@link #require} again.
   */
  public Runnable guard(Principal p, String dataset, String version, String subset, Purpose purpose, String grantId) {
    long expires = grantId == null ? Long.MAX_VALUE : byId(grantId).map(Grant::expiresAt).orElse(0L);
    long[] seen = {revocations.get()};
    return () -> {
      long now = revocations.get();
      if (now == seen[0] && clock.millis() < expires) return;
      seen[0] = now;
      require(p, dataset, version, subset, purpose);
      if (clock.millis() >= expires) throw ApiException.forbidden("grant '" + grantId + "' expired during the transfer");
    };
  }

  private static final String GRANT_COLUMNS = "SELECT id, dataset_name, scope_version, scope_subset, user_id, org_id, request_id, "
      + "granted_by, created_at, expires_at, revoked_at, revoke_reason FROM access_grants";

  private static Grant grant(java.sql.ResultSet rs) throws SQLException {
    long revoked = rs.getLong(11);
    Long revokedAt = rs.wasNull() ? null : revoked;
    return new Grant(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
        rs.getString(7), rs.getString(8), rs.getLong(9), rs.getLong(10), revokedAt, rs.getString(12));
  }

  private static Rule rule(java.sql.ResultSet rs) throws SQLException {
    JsonNode form;
    try {
      form = JSON.readTree(rs.getString(5));
    } catch (IOException e) {
      throw new SQLException("access_modes.form_json of " + rs.getString(1) + " is not JSON", e);
    }
    return new Rule(rs.getString(1), rs.getString(2), rs.getString(3), AccessMode.fromKey(rs.getString(4)),
        RequestForm.parse(form), rs.getInt(6));
  }
}
