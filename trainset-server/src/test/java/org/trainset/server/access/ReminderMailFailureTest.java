package org.trainset.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trainset.server.AccessFixtures;
import org.trainset.server.MovableClock;
import org.trainset.server.ServerTestBase;
import org.trainset.server.TestDatabases;
import org.trainset.server.db.Sql;
import org.trainset.server.mail.SmtpSettings;

/**
 * A reminder mail the SMTP server refuses, on both databases: the server authenticates with a
 * password the mail server does not accept (yet). The pass records each mail as failed with one
 * line naming the SMTP server and "authentication failed", logs that line without a stack trace,
 * and the next pass tries again; once the mail server accepts the password the mails arrive.
 */
class ReminderMailFailureTest {
  @Nested class OnSqlite extends Cases { OnSqlite() { super(TestDatabases.SQLITE); } }
  @Nested class OnPostgresql extends Cases { OnPostgresql() { super(TestDatabases.POSTGRESQL); } }

  abstract static class Cases extends ServerTestBase {
    static final String PASSWORD = "the-new-smtp-password";
    final MovableClock clock = new MovableClock(Instant.parse("2026-05-04T09:00:00Z"));
    GreenMail smtp;

    Cases(TestDatabases db) {
      super(db);
    }

    @Override protected java.time.Clock clock() {
      return clock;
    }

    @Override protected ReminderSettings reminderSettings() {
      ServerSetup setup = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
      setup.setServerStartupTimeout(30_000);
      smtp = new GreenMail(setup);
      smtp.start();
      // the mail server still has the old password: the operator changed it in one place only
      smtp.setUser("trainset@example.org", "trainset", "the-old-smtp-password");
      return new ReminderSettings(ReminderSettings.DEFAULT_INTERVAL,
          SmtpSettings.of("127.0.0.1", smtp.getSmtp().getPort(), "trainset@example.org", SmtpSettings.Security.NONE).withLogin("trainset", PASSWORD));
    }

    @BeforeAll void data() throws Exception {
      AccessFixtures.publish(this, "scans");
      var set = manager().put("/api/datasets/scans/access", Map.of("mode", "gated", "reminderDays", 2));
      assertEquals(200, set.status(), set.toString());
      for (var u : platform.users().list()) platform.users().setEmail(u.id(), u.username() + "@example.org");
    }

    @AfterAll void stopSmtp() {
      if (smtp != null) smtp.stop();
    }

    record Row(String address, String state, int attempts, String error) {}

    List<Row> mails() {
      return platform.db().read(c -> Sql.list(c, "SELECT address, state, attempts, error FROM access_reminder_mails ORDER BY address",
          rs -> new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4))));
    }

    /** One pass of the reminder timer with standard error (where the server logs) captured. */
    String tickLogging(Reminders.Tick[] tick) {
      PrintStream before = System.err;
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
      try {
        tick[0] = platform.reminderTimer().tick();
      } finally {
        System.setErr(before);
      }
      return log.toString(StandardCharsets.UTF_8);
    }

    @Test void aRefusedPasswordIsRecordedLoggedInOneLineAndRetriedNextInterval() {
      var r = AccessFixtures.user(this, "alice", "uni").post("/api/datasets/scans/access-requests", Map.of("purpose", "a study"));
      assertEquals(201, r.status(), r.toString());
      clock.advance(Duration.ofDays(3));

      Reminders.Tick[] tick = new Reminders.Tick[1];
      String log = tickLogging(tick);
      assertEquals(new Reminders.Tick(1, 0, 3), tick[0], "three reviewers, three failed mails");
      assertEquals(0, smtp.getReceivedMessages().length);
      String server = "smtp://trainset@127.0.0.1:" + smtp.getSmtp().getPort() + " (none)";
      for (Row m : mails()) {
        assertEquals("failed", m.state(), m.toString());
        assertEquals(1, m.attempts(), m.toString());
        assertEquals("mail to " + m.address() + " via " + server + ": authentication failed for user 'trainset' (server said: 535 5.7.8 Authentication credentials invalid)",
            m.error());
      }
      List<String> warnings = log.lines().filter(l -> l.contains("WARN")).toList();
      assertEquals(3, warnings.size(), log);
      for (String w : warnings) assertTrue(w.contains("access reminder ") && w.contains(server + ": authentication failed"), w);
      assertFalse(log.contains("\tat ") || log.contains("Exception"), "no stack trace: " + log);
      assertFalse(log.contains(PASSWORD), "never the password: " + log);

      // the next interval: tried again, refused again
      tickLogging(tick);
      assertEquals(new Reminders.Tick(0, 0, 3), tick[0]);
      assertTrue(mails().stream().allMatch(m -> m.attempts() == 2 && m.state().equals("failed")), mails().toString());

      // the mail server now has the new password: the next pass delivers
      smtp.getUserManager().getUser("trainset").setPassword(PASSWORD);
      tickLogging(tick);
      assertEquals(new Reminders.Tick(0, 3, 0), tick[0]);
      assertEquals(3, smtp.getReceivedMessages().length);
      assertTrue(mails().stream().allMatch(m -> m.attempts() == 3 && m.state().equals("sent") && m.error() == null), mails().toString());
    }
  }
}
