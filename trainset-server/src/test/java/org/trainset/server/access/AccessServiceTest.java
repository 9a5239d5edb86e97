package org.trainset.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.trainset.server.ApiException;
import org.trainset.server.MovableClock;
import org.trainset.server.Platform;
import org.trainset.server.TestDatabases;
import org.trainset.server.auth.Principal;
import org.trainset.server.auth.Role;

/** The access rules as services, on both databases, with a dataset directory of its own (no catalog needed). */
class AccessServiceTest {
  @Nested class OnSqlite extends Cases { OnSqlite() { super(TestDatabases.SQLITE); } }
  @Nested class OnPostgresql extends Cases { OnPostgresql() { super(TestDatabases.POSTGRESQL); } }

  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  abstract static class Cases {
    final TestDatabases database;
    final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T09:00:00Z"));
    Platform platform;
    Access access;
    AccessRequests requests;
    Principal manager, reviewer, alice, bob, carol, outsiderManager;
    Path releases;
    Path dir;

    Cases(TestDatabases database) {
      this.database = database;
    }

    @BeforeAll void open() throws Exception {
      dir = Files.createTempDirectory("trainset-access");
      platform = Platform.open(dir, database.freshUrl(), Platform.Limits.DEFAULT, clock);
      releases = dir.resolve("rel");
      for (String ds : new String[] {"faces", "scans", "street"}) Files.createDirectories(releases.resolve(ds).resolve("1.0.0"));
      manager = principal(platform.users().add("m", "password1", Role.MANAGER, "acme").id());
      reviewer = principal(platform.users().add("r", "password1", Role.REVIEWER, "acme").id());
      alice = principal(platform.users().add("alice", "password1", Role.DATAUSER, "uni").id());
      bob = principal(platform.users().add("bob", "password1", Role.DATAUSER, "uni").id());
      carol = principal(platform.users().add("carol", "password1", Role.DATAUSER, "corp").id());
      outsiderManager = principal(platform.users().add("om", "password1", Role.MANAGER, "corp").id());
      String acmeId = manager.orgIds().iterator().next();
      DatasetDirectory dirs = new DatasetDirectory() {
        @Override public Optional<String> orgId(String dataset) {
          return Map.of("faces", acmeId, "scans", acmeId, "street", acmeId).containsKey(dataset) ? Optional.of(acmeId) : Optional.empty();
        }

        @Override public Optional<Path> releaseDir(String dataset, String version) {
          Path p = releases.resolve(dataset).resolve(version);
          return Files.isDirectory(p) && orgId(dataset).isPresent() ? Optional.of(p) : Optional.empty();
        }
      };
      access = new Access(platform.db(), clock, platform.audit(), dirs);
      requests = new AccessRequests(platform.db(), clock, platform.audit(), access, new Documents(platform.db(), clock, platform.audit(), dir, 1000));
    }

    Principal principal(String id) {
      return platform.users().principal(id, null);
    }

    @AfterAll void close() throws java.io.IOException {
      if (platform != null) platform.close();
      if (dir != null) org.trainset.core.io.AtomicOutput.deleteRecursively(dir);
    }

    int status(Runnable r) {
      try {
        r.run();
        return 200;
      } catch (ApiException e) {
        return e.status();
      }
    }

    @Test void modesDecideWhoMayDownload() {
      access.setMode(manager, "street", null, null, AccessMode.OPEN, RequestForm.EMPTY, 7);
      assertNull(access.require(null, "street", "1.0.0", null, Purpose.DOWNLOAD));
      access.setMode(manager, "street", "1.0.0", null, AccessMode.SIGNIN, RequestForm.EMPTY, 7);
      assertEquals(401, status(() -> access.require(null, "street", "1.0.0", null, Purpose.DOWNLOAD)));
      assertNull(access.require(carol, "street", "1.0.0", null, Purpose.DOWNLOAD));
      access.setMode(manager, "street", null, "test", AccessMode.GATED, RequestForm.EMPTY, 7);
      assertEquals(403, status(() -> access.require(carol, "street", "1.0.0", "test", Purpose.DOWNLOAD)), "a gated subset");
      assertEquals(403, status(() -> access.require(carol, "street", "1.0.0", null, Purpose.DOWNLOAD)), "the whole version includes it");
      assertNull(access.require(carol, "street", "1.0.0", "train", Purpose.DOWNLOAD), "other subsets stay signin");
      assertEquals(404, status(() -> access.require(carol, "nope", "1.0.0", null, Purpose.DOWNLOAD)));
      assertEquals(404, status(() -> access.require(carol, "street", "9.9.9", null, Purpose.DOWNLOAD)));
      assertEquals(404, status(() -> access.setMode(outsiderManager, "street", null, null, AccessMode.OPEN, RequestForm.EMPTY, 7)));
    }

    @Test void sandboxDatasetsAreNeverDownloadedAndNeedAGrantForJobs() {
      access.setMode(manager, "faces", null, null, AccessMode.SANDBOX, RequestForm.EMPTY, 7);
      assertEquals(403, status(() -> access.require(manager, "faces", "1.0.0", null, Purpose.DOWNLOAD)), "not even its managers");
      assertEquals(403, status(() -> access.require(alice, "faces", "1.0.0", null, Purpose.SANDBOX)));
      var r = requests.submit(alice, "faces", null, null, "train a face classifier", null, null);
      requests.decide(manager, r.id(), "approve", null, "2026-06-30", "user");
      String grant = access.require(alice, "faces", "1.0.0", null, Purpose.SANDBOX);
      assertEquals(requests.byId(r.id()).orElseThrow().grantId(), grant);
      assertEquals(403, status(() -> access.require(alice, "faces", "1.0.0", null, Purpose.DOWNLOAD)), "approved users neither");
      assertNull(access.require(null, "faces", null, null, Purpose.VIEW), "the card and sample stay visible");
    }

    @Test void organisationGrantsCoverMembersOnlyAndExpiryAndRevocationTakeEffect() {
      var form = RequestForm.parse(new ObjectMapper().createObjectNode().put("documentRequired", true)
          .set("fields", new ObjectMapper().valueToTree(java.util.List.of(
              Map.of("name", "irb", "type", "text", "required", true),
              Map.of("name", "country", "type", "country", "required", true),
              Map.of("name", "agree", "type", "checkbox", "required", true)))));
      access.setMode(manager, "scans", null, null, AccessMode.GATED, form, 3);
      var answers = new ObjectMapper().createObjectNode().put("irb", "IRB-2026-1").put("country", "kr").put("agree", true);
      ApiException missing = assertThrows(ApiException.class, () -> requests.submit(alice, "scans", null, null, "study",
          "uni", answers.deepCopy().put("country", "XX")));
      assertTrue(missing.getMessage().startsWith("answers.country"), missing.getMessage());
      var r = requests.submit(alice, "scans", "1.0.0", null, "mammography study", "uni", answers);
      assertEquals(409, status(() -> requests.decide(manager, r.id(), "approve", null, "2026-04-01", "organisation")), "no document yet");
      assertEquals(415, status(() -> requests.addDocument(alice, r.id(), "irb.pdf", new ByteArrayInputStream("<html>".getBytes()))));
      assertEquals(413, status(() -> requests.addDocument(alice, r.id(), "irb.pdf", new ByteArrayInputStream(new byte[2000]) {
        { buf[0] = '%'; buf[1] = 'P'; buf[2] = 'D'; buf[3] = 'F'; buf[4] = '-'; }
      })));
      requests.addDocument(alice, r.id(), "irb.pdf", new ByteArrayInputStream("%PDF-1.4 approved".getBytes()));
      clock.advance(Duration.ofDays(4));
      var reminders = new Reminders(platform.db(), clock, platform.audit(), access, requests, platform.users(), org.trainset.server.mail.Mailer.NONE);
      assertEquals(1, reminders.run().reminders(), "waited past 3 days");
      assertEquals(0, reminders.run().reminders(), "once per reminder period");
      var seen = requests.toJson(requests.byId(r.id()).orElseThrow(), true);
      assertEquals(1, seen.get("reminders").size(), seen.toString());
      assertTrue(seen.get("overdue").asBoolean(), seen.toString());
      requests.decide(reviewer, r.id(), "approve", null, "2026-04-01", "organisation");
      assertTrue(access.require(bob, "scans", "1.0.0", null, Purpose.DOWNLOAD) != null, "a member of the organisation");
      assertEquals(403, status(() -> access.require(carol, "scans", "1.0.0", null, Purpose.DOWNLOAD)), "not a member");
      assertEquals(403, status(() -> access.require(bob, "scans", null, null, Purpose.DOWNLOAD)), "the grant is for 1.0.0 only");
      Runnable guard = access.guard(bob, "scans", "1.0.0", null, Purpose.DOWNLOAD, access.require(bob, "scans", "1.0.0", null, Purpose.DOWNLOAD));
      guard.run();
      clock.advance(Duration.ofDays(40));
      assertEquals(403, status(guard), "expired during a transfer");
      assertEquals(403, status(() -> access.require(alice, "scans", "1.0.0", null, Purpose.DOWNLOAD)));
      assertEquals("expired", requests.toJson(requests.byId(r.id()).orElseThrow(), false).get("state").asText());
      var r2 = requests.submit(alice, "scans", "1.0.0", null, "again", "uni", answers);
      requests.addDocument(alice, r2.id(), "irb.pdf", new ByteArrayInputStream("%PDF-1.4 approved".getBytes()));
      requests.decide(manager, r2.id(), "approve", null, "2027-01-01", "user");
      String g = access.require(alice, "scans", "1.0.0", null, Purpose.DOWNLOAD);
      Runnable running = access.guard(alice, "scans", "1.0.0", null, Purpose.DOWNLOAD, g);
      running.run();
      assertEquals(404, status(() -> access.revoke(outsiderManager, g, "no")));
      access.revoke(manager, g, "protocol ended");
      assertEquals(403, status(running), "a running transfer stops at its next chunk");
      assertEquals(403, status(() -> access.require(alice, "scans", "1.0.0", null, Purpose.DOWNLOAD)));
      assertEquals("revoked", requests.byId(r2.id()).orElseThrow().state());
      assertEquals(400, status(() -> requests.decide(manager, requests.submit(alice, "scans", null, null, "x", null, answers).id(),
          "reject", null, null, null)), "a rejection needs a reason");
      assertTrue(platform.audit().verify().isEmpty());
    }
  }
}
