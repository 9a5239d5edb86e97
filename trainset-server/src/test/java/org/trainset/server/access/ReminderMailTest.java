package org.trainset.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trainset.server.AccessFixtures;
import org.trainset.server.ApiClient;
import org.trainset.server.MovableClock;
import org.trainset.server.ServerTestBase;
import org.trainset.server.TestDatabases;
import org.trainset.server.auth.Role;
import org.trainset.server.mail.SmtpSettings;

/**
 * Reminders that remind, on both databases: a real server whose reminder timer mails through a
 * real SMTP server (GreenMail, in-process). A request waits past its dataset's reminder days (the
 * injected clock moves); one pass of the timer mails every reviewer of the dataset once, naming
 * the dataset and the request's age; a fresh request gets nothing; the next pass sends nothing
 * more; the queue shows the reminder; the audit log records it; the next period reminds again.
 */
class ReminderMailTest {
  @Nested class OnSqlite extends Cases { OnSqlite() { super(TestDatabases.SQLITE); } }
  @Nested class OnPostgresql extends Cases { OnPostgresql() { super(TestDatabases.POSTGRESQL); } }

  abstract static class Cases extends ServerTestBase {
    final MovableClock clock = new MovableClock(Instant.parse("2026-05-04T09:00:00Z"));
    GreenMail smtp;
    ApiClient alice, bob;

    Cases(TestDatabases db) {
      super(db);
    }

    @Override protected java.time.Clock clock() {
      return clock;
    }

    @Override protected ReminderSettings reminderSettings() {
      smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      smtp.start();
      return new ReminderSettings(ReminderSettings.DEFAULT_INTERVAL,
          SmtpSettings.of("127.0.0.1", smtp.getSmtp().getPort(), "trainset@example.org", SmtpSettings.Security.NONE));
    }

    @BeforeAll void data() throws Exception {
      AccessFixtures.publish(this, "scans");
      var set = manager().put("/api/datasets/scans/access", Map.of("mode", "gated", "reminderDays", 3));
      assertEquals(200, set.status(), set.toString());
      alice = AccessFixtures.user(this, "alice", "uni");
      bob = AccessFixtures.user(this, "bob", "uni");
      // every user of the test organisation has an address; only those who decide requests are reviewers
      for (var u : platform.users().list()) platform.users().setEmail(u.id(), u.username() + "@example.org");
    }

    @AfterAll void stopSmtp() {
      if (smtp != null) smtp.stop();
    }

    String submit(ApiClient who, String purpose) {
      var r = who.post("/api/datasets/scans/access-requests", Map.of("purpose", purpose));
      assertEquals(201, r.status(), r.toString());
      return r.json().get("id").asText();
    }

    /** Received mails by recipient address. */
    Map<String, List<MimeMessage>> mailbox() throws Exception {
      Map<String, List<MimeMessage>> out = new TreeMap<>();
      for (MimeMessage m : smtp.getReceivedMessages()) {
        for (var to : m.getRecipients(Message.RecipientType.TO)) out.computeIfAbsent(to.toString(), k -> new ArrayList<>()).add(m);
      }
      return out;
    }

    JsonNode inQueue(String id) {
      var r = as.get(Role.REVIEWER).get("/api/access-requests?as=reviewer");
      assertEquals(200, r.status(), r.toString());
      for (JsonNode q : r.json().get("requests")) if (q.get("id").asText().equals(id)) return q;
      throw new AssertionError(id + " not in the queue: " + r.json());
    }

    @Test void aWaitingRequestMailsEachReviewerOncePerPeriod() throws Exception {
      assertTrue(platform.reminderTimer().running(), "the server started the reminder timer");
      String old = submit(alice, "mammography density study");
      clock.advance(Duration.ofDays(2));
      String fresh = submit(bob, "a second study");
      clock.advance(Duration.ofDays(2).plusHours(1)); // old: 4 days, fresh: 2 days (its rule says 3)
      assertTrue(inQueue(old).get("overdue").asBoolean());
      assertTrue(inQueue(old).get("remindedAt").isNull(), "not reminded yet");

      platform.reminderTimer().tick();

      Map<String, List<MimeMessage>> box = mailbox();
      // the acme organisation's admin, manager and reviewer decide requests; its annotator, the
      // applicants and another organisation's manager do not
      assertEquals(List.of("admin1@example.org", "manager1@example.org", "reviewer1@example.org"), List.copyOf(box.keySet()), box.toString());
      for (var mails : box.values()) {
        assertEquals(1, mails.size(), "one mail per reviewer");
        MimeMessage m = mails.get(0);
        String body = GreenMailUtil.getBody(m);
        assertEquals("trainset@example.org", m.getFrom()[0].toString());
        assertTrue(m.getSubject().contains("scans"), m.getSubject());
        assertTrue(body.contains("dataset 'scans'") && body.contains("Age: 4 days") && body.contains(old), body);
        assertTrue(body.contains("Applicant: alice") && body.contains("mammography density study"), body);
        assertFalse(body.contains(fresh), "the fresh request waited only 2 days");
      }

      platform.reminderTimer().tick();
      assertEquals(3, smtp.getReceivedMessages().length, "the next pass sends nothing more in the same period");

      JsonNode q = inQueue(old);
      assertTrue(q.get("overdue").asBoolean(), q.toString());
      assertEquals(clock.instant().toString(), q.get("remindedAt").asText(), q.toString());
      assertEquals(1, q.get("reminders").size(), q.toString());
      assertEquals(4, q.get("reminders").get(0).get("waitedDays").asInt());
      JsonNode f = inQueue(fresh);
      assertFalse(f.get("overdue").asBoolean(), f.toString());
      assertTrue(f.get("remindedAt").isNull() && f.get("reminders").isEmpty(), f.toString());
      JsonNode own = alice.get("/api/access-requests/" + old).json();
      assertFalse(own.has("overdue") || own.has("reminders"), "the applicant does not see the reviewers' reminders: " + own);

      JsonNode audit = admin().get("/api/audit?limit=1000").json().get("entries");
      List<JsonNode> reminders = new ArrayList<>();
      for (JsonNode e : audit) if (e.get("action").asText().equals("access.reminder")) reminders.add(e);
      assertEquals(1, reminders.size(), audit.toString());
      assertEquals(old, reminders.get(0).get("objectId").asText());
      assertEquals(3, reminders.get(0).get("detail").get("mailsQueued").asInt());

      // three more days: the old request's next period and the fresh request's first reminder
      clock.advance(Duration.ofDays(3));
      platform.reminderTimer().tick();
      box = mailbox();
      assertEquals(9, smtp.getReceivedMessages().length, box.toString());
      for (var mails : box.values()) {
        assertEquals(3, mails.size());
        assertTrue(mails.stream().anyMatch(m -> GreenMailUtil.getBody(m).contains(fresh) && GreenMailUtil.getBody(m).contains("Age: 5 days")));
        assertTrue(mails.stream().anyMatch(m -> GreenMailUtil.getBody(m).contains(old) && GreenMailUtil.getBody(m).contains("Age: 7 days")));
      }

      // decided: no more reminders
      var reject = manager().post("/api/access-requests/" + old + "/decision", Map.of("decision", "reject", "message", "out of scope"));
      assertEquals(200, reject.status(), reject.toString());
      clock.advance(Duration.ofDays(10));
      platform.reminderTimer().tick();
      long aboutOld = java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> GreenMailUtil.getBody(m).contains(old)).count();
      assertEquals(6, aboutOld, "a decided request is not reminded");
    }
  }
}
