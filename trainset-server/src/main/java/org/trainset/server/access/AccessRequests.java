package org.trainset.server.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trainset.server.ApiException;
import org.trainset.server.Ids;
import org.trainset.server.audit.AuditLog;
import org.trainset.server.auth.Principal;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;

/**
 * Access requests to gated (and sandbox) datasets: submitted → needs-info ⇄ submitted →
 * approved (a grant with an expiry, to the applicant or their whole organisation) or rejected
 * (with a reason); an approved request reads as expired once its grant expires and as revoked
 * once its grant is revoked. Reviewers are reminded of requests waiting past the dataset's
 * reminder days by {@link Reminders} (the server's reminder timer); the queue marks them overdue.
 */
public final class AccessRequests {
  public static final int MAX_PURPOSE = 4000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long DAY = Duration.ofDays(1).toMillis();

  /** A stored request (state as stored; {@link #toJson} shows expired/revoked as they are now). */
  public record Request(String id, String dataset, String userId, String orgId, String version, String subset,
      String purpose, JsonNode answers, String state, String reason, String grantId, long createdAt, long updatedAt) {}

  private final Database db;
  private final Clock clock;
  private final AuditLog audit;
  private final Access access;
  private final Documents documents;

  public AccessRequests(Database db, Clock clock, AuditLog audit, Access access, Documents documents) {
    this.db = db;
    this.clock = clock;
    this.audit = audit;
    this.access = access;
    this.documents = documents;
  }

  public Documents documents() { return documents; }

  /** Submits a request; the answers are checked against the dataset's form. */
  public Request submit(Principal p, String dataset, String version, String subset, String purpose, String organisation, JsonNode answers) {
    access.directory().orgId(dataset).orElseThrow(() -> ApiException.notFound("dataset '" + dataset + "'"));
    if (version != null && access.directory().releaseDir(dataset, version).isEmpty()) {
      throw ApiException.badRequest("version: dataset '" + dataset + "' has no version '" + version + "'");
    }
    AccessMode mode = access.mode(dataset, version, subset);
    if (mode != AccessMode.GATED && mode != AccessMode.SANDBOX) {
      throw ApiException.conflict("dataset '" + dataset + "' is " + mode.key() + ": no request needed");
    }
    if (purpose == null || purpose.isBlank()) throw ApiException.badRequest("purpose: required");
    if (purpose.length() > MAX_PURPOSE) throw ApiException.badRequest("purpose: longer than " + MAX_PURPOSE + " characters");
    ObjectNode clean = access.ruleFor(dataset, version, subset).form().validate(answers);
    String v = version == null ? "" : version, s = subset == null ? "" : subset;
    long now = clock.millis();
    return db.write(c -> {
      String orgId = null;
      if (organisation != null) {
        orgId = org.trainset.server.auth.Users.orgId(c, organisation, false);
        if (orgId == null || !p.orgIds().contains(orgId)) {
          throw ApiException.badRequest("organisation: you are not a member of '" + organisation + "'");
        }
      }
      if (Sql.count(c, "SELECT COUNT(*) FROM access_requests WHERE dataset_name = ? AND user_id = ? AND scope_version = ? "
          + "AND scope_subset = ? AND state IN ('submitted', 'needs-info')", dataset, p.userId(), v, s) > 0) {
        throw ApiException.conflict("you already have an open request for this dataset and scope");
      }
      Request r = new Request(Ids.newId(), dataset, p.userId(), orgId, v, s, purpose, clean, "submitted", null, null, now, now);
      Sql.update(c, "INSERT INTO access_requests (id, dataset_name, user_id, org_id, scope_version, scope_subset, purpose, answers, "
          + "state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.id(), dataset, p.userId(), orgId, v, s,
          purpose, clean.toString(), r.state(), now, now);
      event(c, r.id(), p.userId(), "submitted", null, now);
      audit.append(c, new AuditLog.Entry(p.userId(), "access.request", "access_request", r.id(),
          JsonNodeFactory.instance.objectNode().put("dataset", dataset).put("version", v).put("subset", s)));
      return r;
    });
  }

  /** The request as its applicant or a reviewer of its dataset sees it; 404 for anyone else. */
  public Request require(Principal p, String id) {
    Request r = byId(id).orElseThrow(() -> ApiException.notFound("access request '" + id + "'"));
    if (p.userId().equals(r.userId())) return r;
    String org = access.directory().orgId(r.dataset()).orElse(null);
    if (org == null || !Access.reviews(p, org)) throw ApiException.notFound("access request '" + id + "'");
    return r;
  }

  /** The request when {@code p} reviews its dataset; 404 otherwise. */
  public Request requireReviewed(Principal p, String id) {
    Request r = byId(id).orElseThrow(() -> ApiException.notFound("access request '" + id + "'"));
    String org = access.directory().orgId(r.dataset()).orElse(null);
    if (org == null || !Access.reviews(p, org)) throw ApiException.notFound("access request '" + id + "'");
    return r;
  }

  /** The applicant answers a needs-info question; the request goes back to the reviewers. */
  public Request reply(Principal p, String id, String message) {
    Request r = require(p, id);
    if (!p.userId().equals(r.userId())) throw ApiException.forbidden("only the applicant replies to a request");
    if (!r.state().equals("needs-info")) throw ApiException.conflict("request is " + r.state() + ", not needs-info");
    if (message == null || message.isBlank()) throw ApiException.badRequest("message: required");
    long now = clock.millis();
    db.write(c -> {
      Sql.update(c, "UPDATE access_requests SET state = 'submitted', updated_at = ? WHERE id = ?", now, id);
      event(c, id, p.userId(), "reply", message, now);
      return null;
    });
    return byId(id).orElseThrow();
  }

  /**
   * A reviewer's decision: {@code needs-info} (message), {@code reject} (reason) or
   * {@code approve} (expiry date or instant in the future; {@code to} user or organisation).
   */
  public Request decide(Principal p, String id, String decision, String message, String expiresAt, String to) {
    Request r = requireReviewed(p, id);
    if (!r.state().equals("submitted") && !r.state().equals("needs-info")) {
      throw ApiException.conflict("request is " + r.state() + "; only submitted or needs-info requests are decided");
    }
    long now = clock.millis();
    switch (decision == null ? "" : decision) {
      case "needs-info" -> {
        if (message == null || message.isBlank()) throw ApiException.badRequest("message: a needs-info decision says what is missing");
        db.write(c -> setState(c, p, r, "needs-info", message, null, now));
      }
      case "reject" -> {
        if (message == null || message.isBlank()) throw ApiException.badRequest("reason: a rejection needs a reason");
        db.write(c -> setState(c, p, r, "rejected", message, null, now));
      }
      case "approve" -> {
        long expires = parseExpiry(expiresAt);
        if (expires <= now) throw ApiException.badRequest("expiresAt: must be in the future");
        String target = to == null ? "user" : to;
        if (!target.equals("user") && !target.equals("organisation")) throw ApiException.badRequest("to: expected user or organisation, got '" + to + "'");
        if (target.equals("organisation") && r.orgId() == null) throw ApiException.badRequest("to: the request names no organisation");
        if (access.ruleFor(r.dataset(), r.version(), r.subset()).form().documentRequired() && documents.list(id).isEmpty()) {
          throw ApiException.conflict("this dataset needs a document and the request has none; ask for it with needs-info");
        }
        db.write(c -> {
          Access.Grant g = access.grant(c, p, r.dataset(), r.version(), r.subset(),
              target.equals("user") ? r.userId() : null, target.equals("organisation") ? r.orgId() : null, id, expires);
          return setState(c, p, r, "approved", message, g.id(), now);
        });
      }
      default -> throw ApiException.badRequest("decision: expected approve, reject or needs-info, got '" + decision + "'");
    }
    return byId(id).orElseThrow();
  }

  private Void setState(Connection c, Principal p, Request r, String state, String message, String grantId, long now) throws SQLException {
    Sql.update(c, "UPDATE access_requests SET state = ?, reason = ?, grant_id = COALESCE(?, grant_id), updated_at = ? WHERE id = ?",
        state, message, grantId, now, r.id());
    event(c, r.id(), p.userId(), state, message, now);
    ObjectNode d = JsonNodeFactory.instance.objectNode().put("dataset", r.dataset()).put("state", state).put("message", message);
    if (grantId != null) d.put("grantId", grantId);
    audit.append(c, new AuditLog.Entry(p.userId(), "access.decision", "access_request", r.id(), d));
    return null;
  }

  /** Attaches a PDF to the caller's own open request. */
  public Documents.Document addDocument(Principal p, String id, String fileName, java.io.InputStream body) {
    Request r = require(p, id);
    if (!p.userId().equals(r.userId())) throw ApiException.forbidden("only the applicant attaches documents to a request");
    if (!r.state().equals("submitted") && !r.state().equals("needs-info")) {
      throw ApiException.conflict("request is " + r.state() + "; documents are attached while it is submitted or needs-info");
    }
    return documents.add(id, p.userId(), fileName, body);
  }

  /** A document of a request, for the reviewers of its dataset only (404 for everyone else). */
  public Documents.Document document(Principal p, String id, String documentId) {
    requireReviewed(p, id);
    return documents.require(id, documentId);
  }

  /** Called by {@link Access#revoke}: the request of a revoked grant reads as revoked, with the reason. */
  static void markRevoked(Connection c, String requestId, String actorId, String reason, long now) throws SQLException {
    Sql.update(c, "UPDATE access_requests SET state = 'revoked', reason = ?, updated_at = ? WHERE id = ?", reason, now, requestId);
    event(c, requestId, actorId, "revoked", reason, now);
  }

  /** Requests of one dataset for its reviewers (all) or anyone else (their own). */
  public List<Request> forDataset(Principal p, String dataset, String state) {
    String org = access.directory().orgId(dataset).orElseThrow(() -> ApiException.notFound("dataset '" + dataset + "'"));
    boolean reviewer = Access.reviews(p, org);
    return db.read(c -> Sql.list(c, COLUMNS + " WHERE dataset_name = ?" + (reviewer ? "" : " AND user_id = ?")
        + (state == null ? "" : " AND state = ?") + " ORDER BY created_at", AccessRequests::row,
        params(dataset, reviewer ? null : p.userId(), state)));
  }

  /** Across datasets: the reviewer's queue ({@code reviewer} true: every open request they review) or the caller's own requests. */
  public List<Request> queue(Principal p, boolean reviewer) {
    if (!reviewer) {
      return db.read(c -> Sql.list(c, COLUMNS + " WHERE user_id = ? ORDER BY created_at DESC", AccessRequests::row, p.userId()));
    }
    Map<String, Boolean> mine = new HashMap<>();
    List<Request> open = db.read(c -> Sql.list(c, COLUMNS + " WHERE state IN ('submitted', 'needs-info') ORDER BY created_at",
        AccessRequests::row));
    List<Request> out = open.stream().filter(r -> mine.computeIfAbsent(r.dataset(),
        d -> access.directory().orgId(d).map(o -> Access.reviews(p, o)).orElse(false))).toList();
    return out;
  }

  public Optional<Request> byId(String id) {
    return db.read(c -> Sql.one(c, COLUMNS + " WHERE id = ?", AccessRequests::row, id));
  }

  /** The request with its current state, age, history, documents, reminders and grant. */
  public ObjectNode toJson(Request r, boolean forReviewer) {
    long now = clock.millis();
    String state = r.state();
    Optional<Access.Grant> grant = r.grantId() == null ? Optional.empty() : access.byId(r.grantId());
    if (state.equals("approved") && grant.isPresent()) state = grant.get().state(now).equals("expired") ? "expired" : state;
    ObjectNode o = JsonNodeFactory.instance.objectNode().put("id", r.id()).put("dataset", r.dataset()).put("state", state)
        .put("version", r.version().isEmpty() ? null : r.version()).put("subset", r.subset().isEmpty() ? null : r.subset())
        .put("purpose", r.purpose()).put("reason", r.reason())
        .put("createdAt", Instant.ofEpochMilli(r.createdAt()).toString()).put("updatedAt", Instant.ofEpochMilli(r.updatedAt()).toString())
        .put("ageDays", (now - r.createdAt()) / DAY);
    o.set("answers", r.answers());
    db.read(c -> {
      o.put("applicant", Sql.one(c, "SELECT username FROM users WHERE id = ?", rs -> rs.getString(1), r.userId()).orElse(null));
      o.put("organisation", r.orgId() == null ? null : Sql.one(c, "SELECT name FROM orgs WHERE id = ?", rs -> rs.getString(1), r.orgId()).orElse(null));
      ArrayNode ev = o.putArray("events");
      for (ObjectNode e : Sql.list(c, "SELECT e.at, u.username, e.kind, e.message FROM access_request_events e LEFT JOIN users u ON u.id = e.actor_id "
          + "WHERE e.request_id = ? ORDER BY e.seq", rs -> JsonNodeFactory.instance.objectNode().put("at", Instant.ofEpochMilli(rs.getLong(1)).toString())
              .put("by", rs.getString(2)).put("kind", rs.getString(3)).put("message", rs.getString(4)), r.id())) ev.add(e);
      ArrayNode rem = o.putArray("reminders");
      for (ObjectNode e : Sql.list(c, "SELECT at, waited_days FROM access_reminders WHERE request_id = ? ORDER BY at",
          rs -> JsonNodeFactory.instance.objectNode().put("at", Instant.ofEpochMilli(rs.getLong(1)).toString()).put("waitedDays", rs.getInt(2)), r.id())) rem.add(e);
      return null;
    });
    // reviewers only: whether the request waits past its reminder days, and when they were last reminded
    o.put("overdue", Reminders.overdue(r, access.ruleFor(r.dataset(), r.version(), r.subset()).reminderDays(), now));
    JsonNode reminded = o.get("reminders");
    o.put("remindedAt", reminded.isEmpty() ? null : reminded.get(reminded.size() - 1).get("at").asText());
    ArrayNode docs = o.putArray("documents");
    documents.list(r.id()).forEach(d -> docs.add(d.toJson()));
    grant.ifPresent(g -> o.set("grant", g.toJson(now)));
    if (!forReviewer) o.remove(List.of("reminders", "overdue", "remindedAt"));
    return o;
  }

  /** Parses {@code 2027-01-31} (the end of that day, UTC) or an ISO instant. */
  static long parseExpiry(String s) {
    if (s == null || s.isBlank()) throw ApiException.badRequest("expiresAt: an approval needs an expiry date");
    try {
      if (s.length() == 10) return LocalDate.parse(s).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
      return Instant.parse(s).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("expiresAt: expected YYYY-MM-DD or an ISO instant, got '" + s + "'");
    }
  }

  private static void event(Connection c, String requestId, String actorId, String kind, String message, long at) throws SQLException {
    long seq = Sql.count(c, "SELECT COUNT(*) FROM access_request_events WHERE request_id = ?", requestId) + 1;
    Sql.update(c, "INSERT INTO access_request_events (request_id, seq, at, actor_id, kind, message) VALUES (?, ?, ?, ?, ?, ?)",
        requestId, seq, at, actorId, kind, message);
  }

  private static Object[] params(Object... maybe) {
    return java.util.Arrays.stream(maybe).filter(java.util.Objects::nonNull).toArray();
  }

  private static final String COLUMNS = "SELECT id, dataset_name, user_id, org_id, scope_version, scope_subset, purpose, answers, "
      + "state, reason, grant_id, created_at, updated_at FROM access_requests";

  private static Request row(java.sql.ResultSet rs) throws SQLException {
    JsonNode answers;
    try {
      answers = JSON.readTree(rs.getString(8));
    } catch (IOException e) {
      throw new SQLException("access_requests.answers of " + rs.getString(1) + " is not JSON", e);
    }
    return new Request(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
        rs.getString(7), answers, rs.getString(9), rs.getString(10), rs.getString(11), rs.getLong(12), rs.getLong(13));
  }
}
