package org.trainset.server.access;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trainset.server.Ids;
import org.trainset.server.audit.AuditLog;
import org.trainset.server.auth.Users;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;
import org.trainset.server.mail.Mailer;

/**
 * Reminds the reviewers of requests that wait for a decision: a request still {@code submitted}
 * (new, or answered after needs-info) that waited its rule's {@code reminderDays} since it was
 * submitted, answered or last reminded gets one reminder (a row of {@code access_reminders}, an
 * audit entry {@code access.reminder}) and, when SMTP is configured, one mail to every reviewer of
 * its dataset who has an address. Mails are queued in the reminder's transaction and sent after
 * it, so a restart sends what was queued and never a reminder twice.
 */
public final class Reminders {
  /** A failed mail is tried again on later ticks, this many times in all. */
  public static final int MAX_ATTEMPTS = 3;
  private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);
  private static final long DAY = Duration.ofDays(1).toMillis();

  /** What one pass did. */
  public record Tick(int reminders, int mailsSent, int mailsFailed) {
    public ObjectNode toJson() {
      return JsonNodeFactory.instance.objectNode().put("reminders", reminders).put("mailsSent", mailsSent).put("mailsFailed", mailsFailed);
    }
  }

  private record Due(AccessRequests.Request request, int reminderDays, List<Reviewer> reviewers) {}

  private record Reviewer(String userId, String username, String address) {}

  private final Database db;
  private final Clock clock;
  private final AuditLog audit;
  private final Access access;
  private final AccessRequests requests;
  private final Users users;
  private final Mailer mailer;

  public Reminders(Database db, Clock clock, AuditLog audit, Access access, AccessRequests requests, Users users, Mailer mailer) {
    this.db = db;
    this.clock = clock;
    this.audit = audit;
    this.access = access;
    this.requests = requests;
    this.users = users;
    this.mailer = mailer;
  }

  public boolean mailEnabled() { return mailer.enabled(); }

  /** The reminder mails' sender ({@link Mailer#NONE} without SMTP). */
  public Mailer mailer() { return mailer; }

  /** True when the request waits for the reviewers past its reminder days (the queue's {@code overdue}). */
  static boolean overdue(AccessRequests.Request r, int reminderDays, long now) {
    return r.state().equals("submitted") && now - r.updatedAt() >= reminderDays * DAY;
  }

  /** One pass: makes the reminders that are due, then sends the mails that are queued. One pass at a time. */
  public synchronized Tick run() {
    int made = remind();
    int[] mails = deliver();
    Tick t = new Tick(made, mails[0], mails[1]);
    if (made + mails[0] + mails[1] > 0) LOG.info("access reminders: {}", t.toJson());
    return t;
  }

  private int remind() {
    long now = clock.millis();
    List<AccessRequests.Request> waiting = db.read(c -> Sql.list(c, "SELECT id FROM access_requests WHERE state = 'submitted' ORDER BY created_at",
        rs -> rs.getString(1))).stream().map(id -> requests.byId(id).orElseThrow()).toList();
    Map<String, List<Reviewer>> reviewersByOrg = new HashMap<>();
    List<Due> due = new ArrayList<>();
    for (AccessRequests.Request r : waiting) {
      int days = access.ruleFor(r.dataset(), r.version(), r.subset()).reminderDays();
      long last = lastReminder(r.id()).orElse(0L);
      if (now - Math.max(r.updatedAt(), last) < days * DAY) continue;
      Optional<String> org = access.directory().orgId(r.dataset());
      if (org.isEmpty()) continue; // the dataset left the catalog: nobody reviews it
      due.add(new Due(r, days, reviewersByOrg.computeIfAbsent(org.get(), this::reviewers)));
    }
    int made = 0;
    for (Due d : due) {
      if (remind(d, now)) made++;
    }
    return made;
  }

  /** Makes the reminder unless another pass or a decision got there first (re-checked in the transaction). */
  private boolean remind(Due d, long now) {
    AccessRequests.Request r = d.request();
    return db.write(c -> {
      Optional<Long> updated = Sql.one(c, "SELECT updated_at FROM access_requests WHERE id = ? AND state = 'submitted'", rs -> rs.getLong(1), r.id());
      long last = Sql.one(c, "SELECT at FROM access_reminders WHERE request_id = ? ORDER BY at DESC LIMIT 1", rs -> rs.getLong(1), r.id()).orElse(0L);
      if (updated.isEmpty() || updated.get() != r.updatedAt() || now - Math.max(r.updatedAt(), last) < d.reminderDays() * DAY) return false;
      String reminderId = Ids.newId();
      int waited = (int) ((now - r.updatedAt()) / DAY);
      Sql.update(c, "INSERT INTO access_reminders (id, request_id, at, waited_days) VALUES (?, ?, ?, ?)", reminderId, r.id(), now, waited);
      int queued = 0;
      ObjectNode detail = JsonNodeFactory.instance.objectNode().put("dataset", r.dataset()).put("reminderId", reminderId)
          .put("waitedDays", waited).put("ageDays", (now - r.createdAt()) / DAY).put("reminderDays", d.reminderDays());
      var names = detail.putArray("reviewers");
      for (Reviewer v : d.reviewers()) {
        names.add(v.username());
        if (mailer.enabled() && v.address() != null) {
          Sql.update(c, "INSERT INTO access_reminder_mails (reminder_id, user_id, address, state, attempts, updated_at) VALUES (?, ?, ?, 'pending', 0, ?)",
              reminderId, v.userId(), v.address(), now);
          queued++;
        }
      }
      detail.put("mailsQueued", queued);
      audit.append(c, new AuditLog.Entry(null, "access.reminder", "access_request", r.id(), detail));
      return true;
    });
  }

  /** Sends queued mails (and failed ones with attempts left); returns {sent, failed}. */
  private int[] deliver() {
    int[] counts = new int[2];
    if (!mailer.enabled()) return counts;
    record Mail(String reminderId, String userId, String address, int attempts, String requestId, long at, int waited) {}
    List<Mail> queued = db.read(c -> Sql.list(c, "SELECT m.reminder_id, m.user_id, m.address, m.attempts, r.request_id, r.at, r.waited_days "
        + "FROM access_reminder_mails m JOIN access_reminders r ON r.id = m.reminder_id "
        + "WHERE m.state = 'pending' OR m.state = 'failed' AND m.attempts < ? ORDER BY r.at",
        rs -> new Mail(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getLong(6), rs.getInt(7)), MAX_ATTEMPTS));
    for (Mail m : queued) {
      AccessRequests.Request r = requests.byId(m.requestId()).orElseThrow();
      String state = "sent";
      String error = null;
      if (!r.state().equals("submitted")) {
        state = "cancelled"; // decided (or sent back) since: the reminder is moot
      } else {
        int days = access.ruleFor(r.dataset(), r.version(), r.subset()).reminderDays();
        try {
          mailer.send(m.address(), subject(r, m.waited()), body(r, m.at(), m.waited(), days));
          counts[0]++;
        } catch (Mailer.MailException e) {
          state = "failed";
          error = e.getMessage();
          counts[1]++;
          LOG.warn("access reminder {}: {}", m.reminderId(), e.getMessage());
        }
      }
      String s = state, err = error;
      int attempts = state.equals("cancelled") ? m.attempts() : m.attempts() + 1;
      db.write(c -> Sql.update(c, "UPDATE access_reminder_mails SET state = ?, attempts = ?, error = ?, updated_at = ? WHERE reminder_id = ? AND user_id = ?",
          s, attempts, err, clock.millis(), m.reminderId(), m.userId()));
    }
    return counts;
  }

  private Optional<Long> lastReminder(String requestId) {
    return db.read(c -> Sql.one(c, "SELECT at FROM access_reminders WHERE request_id = ? ORDER BY at DESC LIMIT 1", rs -> rs.getLong(1), requestId));
  }

  /** Everyone who may decide the organisation's requests ({@link Access#reviews}), with their mail address if they have one. */
  private List<Reviewer> reviewers(String orgId) {
    List<String[]> candidates = db.read(c -> Sql.list(c, "SELECT u.id, u.username, e.address FROM users u LEFT JOIN user_emails e ON e.user_id = u.id "
        + "WHERE u.role = 'admin' OR u.id IN (SELECT user_id FROM user_orgs WHERE org_id = ?) ORDER BY u.username",
        rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, orgId));
    List<Reviewer> out = new ArrayList<>();
    for (String[] u : candidates) {
      if (Access.reviews(users.principal(u[0], null), orgId)) out.add(new Reviewer(u[0], u[1], u[2]));
    }
    return out;
  }

  static String subject(AccessRequests.Request r, int waitedDays) {
    return "[trainset] Access request to " + r.dataset() + " waiting " + days(waitedDays);
  }

  /** The mail: which dataset, who asks, for what, how old the request is and how long it has waited. */
  private String body(AccessRequests.Request r, long at, int waitedDays, int reminderDays) {
    String applicant = users.principal(r.userId(), null).username();
    String scope = (r.version().isEmpty() ? "every version" : "version " + r.version())
        + (r.subset().isEmpty() ? "" : ", subset " + r.subset());
    String submitted = Instant.ofEpochMilli(r.createdAt()).toString().substring(0, 10);
    return "An access request to dataset '" + r.dataset() + "' is waiting for a decision.\n\n"
        + "Applicant: " + applicant + "\n"
        + "Scope: " + scope + "\n"
        + "Purpose: " + r.purpose() + "\n"
        + "Age: " + days((at - r.createdAt()) / DAY) + " (submitted " + submitted + "); waiting for the reviewers for " + days(waitedDays) + "\n"
        + "Request: " + r.id() + "\n\n"
        + "You are a reviewer of this dataset. Its reviewers are reminded after " + days(reminderDays)
        + " without a decision; the request is marked overdue in the access request queue.\n";
  }

  private static String days(long n) {
    return n + (n == 1 ? " day" : " days");
  }
}
