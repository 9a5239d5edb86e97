package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trainset.inspect.review.Iso2859;
import org.trainset.inspect.review.Iso2859Switching.Mode;
import org.trainset.server.db.Sql;

/**
 * ISO 2859-1 switching at a review stage, driven over the API: jobs of 40 items (code letter D) are
 * submitted by their annotator and reviewed at a stage sampling {aql: 2.5}; rejected items are the
 * nonconforming ones. Plans come from Tables 2-A (D: n 5, Ac 0 via the arrow to C), 2-B (D: n 8,
 * Ac 0) and 2-C (D: n 2, Ac 0); the stage's mode and switching score are read from the stage,
 * queue and dashboard JSON, and survive a restart because they are replayed from the lots.
 */
class IsoSwitchingApiTest {
  @Nested class OnSqlite extends Cases { OnSqlite() { super(TestDatabases.SQLITE); } }
  @Nested class OnPostgresql extends Cases { OnPostgresql() { super(TestDatabases.POSTGRESQL); } }

  abstract static class Cases extends ReviewTestSupport {
    static final int LOT = 40;

    Cases(TestDatabases db) {
      super(db);
    }

    @BeforeAll void users() {
      addUsers();
    }

    ApiClient.Resp submitLot(String project) {
      return submitLot(project, LOT);
    }

    /** Reviews every queued item of the project at {@code stage}, rejecting the first {@code rejects}; returns how many. */
    int reviewQueue(String project, String stage, int rejects) {
      List<String> queued = queuedIds(rev1, project);
      for (int i = 0; i < queued.size(); i++) {
        ApiClient.Resp r = verdict(rev1, queued.get(i), stage, i < rejects ? "reject" : "accept", i < rejects ? "wrong" : null);
        assertEquals(200, r.status(), r.toString());
      }
      return queued.size();
    }

    /** Submits one lot and reviews it; returns the sample size the stage drew. */
    int lot(String project, int rejects) {
      ApiClient.Resp s = submitLot(project);
      assertEquals(200, s.status(), s.toString());
      return reviewQueue(project, "audit", rejects);
    }

    JsonNode inspection(String project) {
      ApiClient.Resp r = rev1.get("/api/projects/" + project + "/review-stages");
      assertEquals(200, r.status(), r.toString());
      return r.json().get("stages").get(0).get("inspection");
    }

    static int n(Mode mode) {
      return Iso2859.plan(LOT, 2.5, mode).sampleSize();
    }

    @Test void rejectsTightenThenFiveAcceptedLotsReturnToNormal() {
      assertEquals(5, n(Mode.NORMAL));
      assertEquals(8, n(Mode.TIGHTENED));
      String p = project("iso-switch", "generic");
      putWorkflow(p, "stages:\n  - {name: audit, who: [reviewer], sampling: {aql: 2.5}}\n" + NO_ESCALATION);
      assertEquals("normal", inspection(p).get("mode").asText());
      assertEquals(n(Mode.NORMAL), lot(p, 1), "normal plan: Table 2-A");
      assertEquals("normal", inspection(p).get("mode").asText(), "one lot not accepted of the last five");
      // the queue shows the stage's mode while a lot waits
      submitLot(p);
      JsonNode queued = queue(rev1).get("items");
      JsonNode first = null;
      for (JsonNode q : queued) if (q.get("projectId").asText().equals(p)) first = q;
      assertEquals("normal", first.get("inspection").get("mode").asText());
      assertEquals(n(Mode.NORMAL), reviewQueue(p, "audit", 1));
      JsonNode t = inspection(p);
      assertEquals("tightened", t.get("mode").asText(), "2 of 2 lots not accepted: " + t);
      assertEquals(2, t.get("lotsNotAccepted").asInt());
      // tightened: Table 2-B's larger sample; visible in the stage's lots and the dashboard
      assertEquals(n(Mode.TIGHTENED), lot(p, 0));
      JsonNode lots = rev1.get("/api/projects/" + p + "/review-stages").json().get("stages").get(0).get("lots");
      assertEquals("tightened", lots.get(0).get("mode").asText());
      assertEquals(8, lots.get(0).get("sampleSize").asInt());
      assertEquals("D", lots.get(0).get("codeLetter").asText(), "Table 1: lots of 26-50 are code letter D");
      assertEquals(0, lots.get(0).get("accept").asInt());
      assertEquals(true, lots.get(0).get("accepted").asBoolean());
      assertEquals("tightened", quality(p).get("project").get("inspection").get("audit").get("mode").asText());
      for (int i = 0; i < 3; i++) assertEquals(n(Mode.TIGHTENED), lot(p, 0));
      assertEquals("tightened", inspection(p).get("mode").asText(), "4 accepted on tightened");
      // the state is replayed from the stored lots: a fresh platform on the same database sees the same
      assertEquals("tightened", restartedMode(p));
      assertEquals(n(Mode.TIGHTENED), lot(p, 0));
      JsonNode back = inspection(p);
      assertEquals("normal", back.get("mode").asText(), "5 consecutive lots accepted on tightened: " + back);
      assertEquals(0, back.get("score").asInt());
      assertEquals(n(Mode.NORMAL), lot(p, 0));
      assertEquals(2, inspection(p).get("score").asInt(), "Ac 0: +2 per accepted lot on normal");
    }

    @Test void withReducedAllowedFifteenAcceptedLotsSwitchToReduced() {
      String p = project("iso-reduced", "generic");
      putWorkflow(p, "stages:\n  - {name: audit, who: [reviewer], sampling: {aql: 2.5}, reduced-allowed: true}\n" + NO_ESCALATION);
      assertTrue(rev1.get("/api/projects/" + p + "/workflow").json().get("stages").get(0).get("reducedAllowed").asBoolean());
      for (int i = 1; i <= 15; i++) {
        assertEquals(n(Mode.NORMAL), lot(p, 0));
        JsonNode s = inspection(p);
        assertEquals(i < 15 ? "normal" : "reduced", s.get("mode").asText(), "after lot " + i + ": " + s);
        if (i < 15) assertEquals(2 * i, s.get("score").asInt());
      }
      assertEquals(2, n(Mode.REDUCED));
      assertEquals(n(Mode.REDUCED), lot(p, 0), "reduced plan: Table 2-C's smaller sample");
      assertEquals("reduced", inspection(p).get("mode").asText());
      assertEquals(n(Mode.REDUCED), lot(p, 1), "Re 1: a reject is a lot not accepted");
      assertEquals("normal", inspection(p).get("mode").asText(), "a lot not accepted on reduced: back to normal");
      // the same history without approval never reduces
      putWorkflow(p, "stages:\n  - {name: audit, who: [reviewer], sampling: {aql: 2.5}}\n" + NO_ESCALATION);
      assertEquals(400, manager().badInput().put("/api/projects/" + p + "/workflow", Map.of("yaml",
          "stages:\n  - {name: audit, sampling: all, reduced-allowed: true}\n")).status());
    }

    @Test void fiveLotsNotAcceptedOnTightenedDiscontinueUntilAManagerResumes() {
      String p = project("iso-stop", "generic");
      putWorkflow(p, "stages:\n  - {name: audit, who: [reviewer], sampling: {aql: 2.5}}\n" + NO_ESCALATION);
      lot(p, 1);
      lot(p, 1);
      assertEquals("tightened", inspection(p).get("mode").asText());
      for (int i = 0; i < 5; i++) assertEquals(n(Mode.TIGHTENED), lot(p, 1));
      assertEquals("discontinued", inspection(p).get("mode").asText());
      ApiClient.Resp held = submitLot(p);
      assertEquals(409, held.status(), held.toString());
      assertTrue(held.json().get("detail").asText().contains("discontinued"), held.toString());
      assertTrue(held.json().get("detail").asText().contains("/review-stages/audit/resume"), held.toString());
      assertTrue(queuedIds(rev1, p).isEmpty(), "no lot is sampled while discontinued");
      assertEquals(1, inspection(p).get("lotsHeld").asInt());
      assertEquals(403, rev1.send("POST", "/api/projects/" + p + "/review-stages/audit/resume", null, null).status());
      ApiClient.Resp resumed = manager().send("POST", "/api/projects/" + p + "/review-stages/audit/resume", null, null);
      assertEquals(200, resumed.status(), resumed.toString());
      assertEquals(1, resumed.json().get("lotsReleased").asInt());
      assertEquals("tightened", resumed.json().get("stages").get(0).get("inspection").get("mode").asText());
      assertEquals(n(Mode.TIGHTENED), queuedIds(rev1, p).size(), "the held lot is drawn on tightened inspection");
      assertEquals(409, manager().send("POST", "/api/projects/" + p + "/review-stages/audit/resume", null, null).status());
      long audited = platform.db().read(c -> Sql.count(c, "SELECT COUNT(*) FROM audit_log WHERE action = ? AND object_id = ?",
          "review.inspection.resume", p));
      assertEquals(1, audited);
    }

    /** The stage's mode as a second server on the same database (a restart) reports it over the API. */
    String restartedMode(String project) {
      try (Platform again = Platform.open(dataDir, dbUrl); TrainsetServer server2 = new TrainsetServer(again)) {
        ApiClient c = new ApiClient(server2.start("127.0.0.1", 0)).withBearer(again.sessions().newAccessToken(rev1Id, "t"));
        ApiClient.Resp r = c.get("/api/projects/" + project + "/review-stages");
        assertEquals(200, r.status(), r.toString());
        return r.json().get("stages").get(0).get("inspection").get("mode").asText();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
