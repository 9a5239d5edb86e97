package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The gated flow over the API on both databases: a request with an uploaded PDF, needs-info, a
 * reminder, approval with an expiry to an organisation, downloads that work for its members only,
 * expiry (the clock moves) and revocation; documents are never served inline.
 */
class AccessApiTest {
  @Nested class OnSqlite extends Cases { OnSqlite() { super(TestDatabases.SQLITE); } }
  @Nested class OnPostgresql extends Cases { OnPostgresql() { super(TestDatabases.POSTGRESQL); } }

  abstract static class Cases extends ServerTestBase {
    final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T08:00:00Z"));
    ApiClient alice, bob, carol, dave;
    Path scans;

    Cases(TestDatabases db) {
      super(db);
    }

    @Override protected java.time.Clock clock() {
      return clock;
    }

    @BeforeAll void data() throws Exception {
      scans = AccessFixtures.publish(this, "scans");
      alice = AccessFixtures.user(this, "alice", "uni");
      bob = AccessFixtures.user(this, "bob", "uni");
      carol = AccessFixtures.user(this, "carol", "corp");
      dave = AccessFixtures.user(this, "dave", "lab");
      var form = Map.of("documentRequired", true, "fields", List.of(
          Map.of("name", "institution", "label", "Institution", "type", "text", "required", true),
          Map.of("name", "country", "type", "country", "required", true),
          Map.of("name", "field", "type", "select", "options", List.of("radiology", "oncology")),
          Map.of("name", "approvedOn", "type", "date"),
          Map.of("name", "agree", "label", "I will not re-identify anyone", "type", "checkbox", "required", true)));
      var set = manager().put("/api/datasets/scans/access", Map.of("mode", "gated", "form", form, "reminderDays", 3));
      assertEquals(200, set.status(), set.toString());
      assertEquals(404, outsider.put("/api/datasets/scans/access", Map.of("mode", "open")).status(), "another organisation's manager");
    }

    String file(String path) {
      return "/api/datasets/scans/versions/" + AccessFixtures.VERSION + "/files/" + path;
    }

    JsonNode request(ApiClient who, String id) {
      var r = who.get("/api/access-requests/" + id);
      assertEquals(200, r.status(), r.toString());
      return r.json();
    }

    @Test void gatedRequestNeedsInfoApprovalDownloadExpiry() throws Exception {
      String data = AccessFixtures.someFile(scans);
      assertEquals(401, anonymous.get(file(data)).status());
      assertEquals(403, alice.get(file(data)).status(), "no grant yet");
      assertEquals("gated", anonymous.get("/api/datasets/scans/access").json().get("mode").asText());

      var answers = Map.of("institution", "Seoul Univ. Hospital", "country", "KR", "field", "radiology", "approvedOn", "2026-02-01", "agree", true);
      var bad = alice.post("/api/datasets/scans/access-requests", Map.of("purpose", "study", "organisation", "uni",
          "answers", Map.of("institution", "x", "country", "KR", "agree", false)));
      assertEquals(400, bad.status());
      assertTrue(bad.json().get("detail").asText().startsWith("answers.agree"), bad.toString());
      var created = alice.post("/api/datasets/scans/access-requests", Map.of("purpose", "breast density study", "organisation", "uni",
          "version", AccessFixtures.VERSION, "answers", answers));
      assertEquals(201, created.status(), created.toString());
      String id = created.json().get("id").asText();
      assertEquals("submitted", created.json().get("state").asText());
      assertEquals(404, carol.get("/api/access-requests/" + id).status(), "someone else's request");

      // documents: type by magic bytes, stored, only ever an attachment for reviewers
      var html = alice.send("POST", "/api/access-requests/" + id + "/documents?fileName=irb.pdf", "application/pdf",
          "<html><script>alert(1)</script></html>".getBytes());
      assertEquals(415, html.status(), html.toString());
      var doc = alice.send("POST", "/api/access-requests/" + id + "/documents?fileName=IRB%20notice.pdf", "application/pdf", AccessFixtures.PDF);
      assertEquals(201, doc.status(), doc.toString());
      assertEquals(AccessFixtures.sha256(AccessFixtures.PDF), doc.json().get("sha256").asText());
      String docUrl = "/api/access-requests/" + id + "/documents/" + doc.json().get("id").asText();
      var served = as.get(org.trainset.server.auth.Role.REVIEWER).get(docUrl);
      assertEquals(200, served.status());
      assertTrue(served.header("Content-Disposition").orElseThrow().startsWith("attachment;"), served.headers().toString());
      assertEquals("nosniff", served.header("X-Content-Type-Options").orElseThrow());
      assertEquals("application/pdf", served.header("Content-Type").orElseThrow());
      assertTrue(java.util.Arrays.equals(AccessFixtures.PDF, served.body()));
      assertEquals(403, alice.get(docUrl).status(), "documents are for reviewers");
      assertEquals(404, outsider.get(docUrl).status());
      try (var files = Files.walk(dataDir)) {
        assertTrue(files.anyMatch(f -> f.getFileName().toString().equals(AccessFixtures.sha256(AccessFixtures.PDF))), "stored by hash");
      }

      // needs-info, then the applicant answers
      var ask = as.get(org.trainset.server.auth.Role.REVIEWER).post("/api/access-requests/" + id + "/decision",
          Map.of("decision", "needs-info", "message", "Please attach the IRB approval page with the signature."));
      assertEquals(200, ask.status(), ask.toString());
      JsonNode seen = request(alice, id);
      assertEquals("needs-info", seen.get("state").asText());
      assertEquals("Please attach the IRB approval page with the signature.", seen.get("reason").asText());
      assertFalse(seen.has("reminders") || seen.has("overdue"), "reminders are the reviewers' business");
      assertEquals(200, alice.post("/api/access-requests/" + id + "/reply", Map.of("message", "attached again, page 2 signed")).status());

      // waits past the reminder days: the reviewers' queue shows its age and a reminder
      clock.advance(Duration.ofDays(4));
      JsonNode queue = as.get(org.trainset.server.auth.Role.REVIEWER).get("/api/access-requests?as=reviewer").json().get("requests");
      JsonNode mine = null;
      for (JsonNode q : queue) if (q.get("id").asText().equals(id)) mine = q;
      assertTrue(mine != null, queue.toString());
      assertEquals(4, mine.get("ageDays").asInt());
      assertTrue(mine.get("overdue").asBoolean(), "waited past the 3 reminder days: " + mine);
      assertEquals(1, platform.reminders().run().reminders(), "the reminder timer's pass reminds the reviewers once");
      mine = request(as.get(org.trainset.server.auth.Role.REVIEWER), id);
      assertEquals(1, mine.get("reminders").size(), mine.toString());
      assertEquals(clock.instant().toString(), mine.get("remindedAt").asText());
      assertEquals(0, carol.get("/api/access-requests?as=reviewer").json().get("requests").size(), "not a reviewer of scans");

      // approved for the organisation with an expiry
      String expires = Instant.parse("2026-03-06T08:00:00Z").plus(Duration.ofDays(30)).toString();
      var approve = manager().post("/api/access-requests/" + id + "/decision", Map.of("decision", "approve", "expiresAt", expires, "to", "organisation"));
      assertEquals(200, approve.status(), approve.toString());
      assertEquals("approved", approve.json().get("state").asText());
      String grant = approve.json().get("grant").get("id").asText();

      var got = alice.get(file(data));
      assertEquals(200, got.status(), got.toString());
      assertEquals("\"" + AccessFixtures.sha256(got.body()) + "\"", got.header("ETag").orElseThrow(), "strong ETag = SHA-256");
      assertTrue(got.header("Content-Disposition").orElseThrow().startsWith("attachment;"));
      assertEquals(200, bob.get(file(data)).status(), "a member of the organisation");
      assertEquals(403, carol.get(file(data)).status(), "not a member");
      assertEquals(401, anonymous.get(file(data)).status());
      assertEquals(200, alice.get("/api/datasets/scans/versions/" + AccessFixtures.VERSION + "/archive").status(), "the grant covers the version");

      assertTrue(eventually(() -> platform.db().read(c -> org.trainset.server.db.Sql.count(c,
          "SELECT COUNT(*) FROM downloads WHERE dataset_name = 'scans' AND grant_id = ? AND state = 'complete'", grant)) >= 3),
          "downloads recorded with the grant");
      boolean audited = platform.audit().page(0, 10_000).stream().anyMatch(e -> e.entry().action().equals("download")
          && grant.equals(e.entry().detail().path("grantId").asText()));
      assertTrue(audited, "downloads are in the audit log with their grant");

      clock.advance(Duration.ofDays(31));
      assertEquals(403, alice.get(file(data)).status(), "expired");
      assertEquals("expired", request(alice, id).get("state").asText());
      JsonNode grants = alice.get("/api/me/grants").json().get("grants");
      assertEquals("expired", grants.get(0).get("state").asText());
    }

    @Test void revocationStopsNewAndRunningDownloadsAtOnce() throws Exception {
      String big = "big.bin";
      String sha = AccessFixtures.addLargeFile(scans, big, 64L << 20);
      var r = dave.post("/api/datasets/scans/access-requests", Map.of("purpose", "revocation test", "answers",
          Map.of("institution", "Uni", "country", "FR", "agree", true)));
      assertEquals(201, r.status(), r.toString());
      String id = r.json().get("id").asText();
      assertEquals(409, manager().post("/api/access-requests/" + id + "/decision",
          Map.of("decision", "approve", "expiresAt", "2099-01-01")).status(), "the form requires a document");
      dave.send("POST", "/api/access-requests/" + id + "/documents", "application/pdf", AccessFixtures.PDF);
      assertEquals(400, manager().post("/api/access-requests/" + id + "/decision", Map.of("decision", "reject")).status(),
          "a rejection needs a reason");
      var ok = manager().post("/api/access-requests/" + id + "/decision", Map.of("decision", "approve", "expiresAt", "2099-01-01", "to", "user"));
      String grant = ok.json().get("grant").get("id").asText();

      // a running download: read a little, revoke, the rest never arrives
      var http = java.net.http.HttpClient.newHttpClient();
      String token = platform.sessions().newAccessToken(platform.users().list().stream()
          .filter(u -> u.username().equals("dave")).findFirst().orElseThrow().id(), "stream");
      var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(anonymous.base() + file(big)))
          .header("Authorization", "Bearer " + token).build();
      var resp = http.send(req, java.net.http.HttpResponse.BodyHandlers.ofInputStream());
      assertEquals(200, resp.statusCode());
      long received = 0;
      boolean cut = false;
      try (var in = resp.body()) {
        received += in.readNBytes(1 << 20).length;
        var revoked = manager().send("DELETE", "/api/grants/" + grant + "?reason=protocol%20withdrawn", null, null);
        assertEquals(200, revoked.status(), revoked.toString());
        assertEquals("revoked", revoked.json().get("state").asText());
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) received += n;
      } catch (java.io.IOException expected) {
        cut = true;
      }
      assertTrue(cut || received < (64L << 20), "the transfer stopped: " + received + " bytes");
      assertEquals(403, dave.get(file(big)).status(), "new requests refused at once");
      assertEquals("revoked", request(dave, id).get("state").asText());
      assertEquals("protocol withdrawn", request(dave, id).get("reason").asText());
      assertTrue(eventually(() -> platform.db().read(c -> org.trainset.server.db.Sql.count(c,
          "SELECT COUNT(*) FROM downloads WHERE path = ? AND grant_id = ? AND state = 'interrupted'", big, grant)) >= 1),
          "the cut transfer is recorded as interrupted");
      assertEquals(64, sha.length());
      Files.delete(scans.resolve(big)); // 64 MB: the base class leaves its data folder behind
    }

    /** A transfer is recorded when the server closes its body, just after the client has the last byte. */
    static boolean eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
      for (int i = 0; i < 100; i++) {
        if (condition.getAsBoolean()) return true;
        Thread.sleep(50);
      }
      return false;
    }

    @Test void noReleaseFileIsReachableWithoutTheGrantByAnyPath() throws Exception {
      String data = AccessFixtures.someFile(scans);
      List<String> tricks = List.of(data, "SHA256SUMS", "manifest.json", "..%2F..%2F..%2Ftrainset.db", "../../../../trainset.db",
          "%2e%2e/%2e%2e/%2e%2e/%2e%2e/trainset.db", "/etc/passwd", "sample/../" + data, data + "%00.txt");
      for (String t : tricks) {
        for (ApiClient c : List.of(carol, anonymous, outsider)) {
          var r = c.outsideTheApi().get(file(t));
          assertTrue(r.status() >= 400 && r.status() < 500, t + " gave " + r.status());
          assertFalse(r.text().startsWith("SQLite format"), t);
        }
        var archive = carol.get("/api/datasets/scans/versions/" + AccessFixtures.VERSION + "/archive");
        assertEquals(403, archive.status());
      }
      // even the owners cannot leave the release folder
      for (String t : List.of("..%2F..%2F..%2Ftrainset.db", "../../../../trainset.db", "%2e%2e/%2e%2e/%2e%2e/%2e%2e/trainset.db")) {
        var r = manager().outsideTheApi().get(file(t));
        assertTrue(r.status() >= 400 && r.status() < 500, t + " gave " + r.status());
      }
    }

    @Test void sandboxDatasetsAreNeverDownloadedEvenByApprovedUsers() throws Exception {
      Path faces = AccessFixtures.publish(this, "faces");
      assertEquals(200, manager().put("/api/datasets/faces/access", Map.of("mode", "sandbox")).status());
      var r = alice.post("/api/datasets/faces/access-requests", Map.of("purpose", "train a detector in the sandbox"));
      assertEquals(201, r.status(), r.toString());
      assertEquals(200, manager().post("/api/access-requests/" + r.json().get("id").asText() + "/decision",
          Map.of("decision", "approve", "expiresAt", "2099-12-31")).status());
      String data = AccessFixtures.someFile(faces);
      String base = "/api/datasets/faces/versions/" + AccessFixtures.VERSION;
      for (ApiClient c : List.of(alice, manager(), admin())) {
        assertEquals(403, c.get(base + "/files/" + data).status());
        assertEquals(403, c.get(base + "/archive").status());
      }
      String grant = platform.access().require(platform.users().principal(platform.users().list().stream()
          .filter(u -> u.username().equals("alice")).findFirst().orElseThrow().id(), null), "faces", AccessFixtures.VERSION, null,
          org.trainset.server.access.Purpose.SANDBOX);
      assertTrue(grant != null, "sandbox jobs run under the grant");
    }
  }
}
