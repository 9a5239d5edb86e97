package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trainset.inspect.review.Iso2859;
import org.trainset.inspect.review.Iso2859Switching.Mode;

/**
 * ISO 2859-1 lots at a dual-reading stage, over the API: jobs of 40 items (code letter D, AQL 2.5:
 * normal n 5 Ac 0 Re 1, tightened n 8 Ac 0) are submitted by anna and read by rev1 and rev2. A
 * sampled item is inspected when its dual reading is complete: at the second reading when the
 * readers agree (or the stage excludes disagreements), else at the adjudicator's first verdict on
 * the next stage. It is nonconforming when the readers disagreed and the stage excludes
 * disagreements, or when the adjudicator found a defect (fix or reject).
 */
class IsoDualReadingApiTest {
  @Nested class OnSqlite extends Cases { OnSqlite() { super(TestDatabases.SQLITE); } }
  @Nested class OnPostgresql extends Cases { OnPostgresql() { super(TestDatabases.POSTGRESQL); } }

  abstract static class Cases extends ReviewTestSupport {
    static final int LOT = 40;
    static final String ADJUDICATED = """
        stages:
          - {name: reading, kind: dual, who: [reviewer], sampling: {aql: 2.5}, dual: {min-iou: 0.5, disagreements: adjudicate}}
          - {name: adjudication, who: [manager], sampling: all}
        """ + NO_ESCALATION;

    Cases(TestDatabases db) {
      super(db);
    }

    @BeforeAll void users() {
      addUsers();
    }

    /** Submits a lot; both readers read every item the reading stage drew, rev2 disagreeing on the first {@code disagree}. */
    List<String> readLot(String project, int disagree) {
      ApiClient.Resp s = submitLot(project, LOT);
      assertEquals(200, s.status(), s.toString());
      List<String> drawn = queuedIds(rev1, project);
      for (int i = 0; i < drawn.size(); i++) {
        read(rev1, drawn.get(i), "mass");
        ApiClient.Resp second = read(rev2, drawn.get(i), i < disagree ? "calc" : "mass");
        assertEquals(i < disagree, second.json().get("disagreements").asInt() > 0, second.toString());
      }
      return drawn;
    }

    ApiClient.Resp read(ApiClient reader, String item, String label) {
      ApiClient.Resp r = reader.post("/api/items/" + item + "/review", Map.of("verdict", "accept", "stage", "reading",
          "annotations", List.of(Map.of("type", "tag", "label", label))));
      assertEquals(200, r.status(), r.toString());
      return r;
    }

    /** The manager's verdict on an item at the adjudication stage; a fix saves the label the adjudicator settles on. */
    void adjudicate(String item, String verdict) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("verdict", verdict);
      body.put("stage", "adjudication");
      if (verdict.equals("reject")) body.put("comment", "the finding is not there");
      if (verdict.equals("fix")) {
        body.put("annotations", List.of(Map.of("type", "tag", "label", "calc")));
        body.put("version", manager().get("/api/items/" + item).json().get("version").asInt());
      }
      ApiClient.Resp r = manager().post("/api/items/" + item + "/review", body);
      assertEquals(200, r.status(), r.toString());
    }

    JsonNode stage(String project) {
      ApiClient.Resp r = rev1.get("/api/projects/" + project + "/review-stages");
      assertEquals(200, r.status(), r.toString());
      return r.json().get("stages").get(0);
    }

    /** The newest lot of the reading stage. */
    JsonNode lastLot(String project) {
      return stage(project).get("lots").get(0);
    }

    static int n(Mode mode) {
      return Iso2859.plan(LOT, 2.5, mode).sampleSize();
    }

    @Test void lotsAreDecidedOnConsensusOrAdjudicationAndRejectionsTighten() {
      String p = project("dual-iso", "generic");
      putWorkflow(p, ADJUDICATED);
      // readers agree on every drawn item: each is inspected at its second reading, the lot is accepted
      assertEquals(n(Mode.NORMAL), readLot(p, 0).size());
      JsonNode lot = lastLot(p);
      assertTrue(lot.get("decided").asBoolean(), lot.toString());
      assertTrue(lot.get("accepted").asBoolean(), lot.toString());
      assertEquals(0, lot.get("nonconforming").asInt());
      assertEquals(2, stage(p).get("inspection").get("score").asInt(), "Ac 0: +2 per accepted lot on normal");
      // a disagreement waits for the adjudicator; accepting the consensus finds no defect
      String disputed = readLot(p, 1).get(0);
      assertFalse(lastLot(p).get("decided").asBoolean(), "the disputed item is not inspected until adjudicated: " + lastLot(p));
      JsonNode progress = lastLot(p).get("progress");
      assertEquals(n(Mode.NORMAL), progress.get("drawn").asInt(), progress.toString());
      assertEquals(n(Mode.NORMAL) - 1, progress.get("inspected").asInt(), "the agreed items are inspected: " + progress);
      assertEquals(1, progress.get("awaitingAdjudication").asInt(), "the open lot says it waits for its adjudicator: " + progress);
      adjudicate(disputed, "accept");
      assertFalse(lastLot(p).has("progress"), "a decided lot has no progress: " + lastLot(p));
      lot = lastLot(p);
      assertTrue(lot.get("decided").asBoolean(), lot.toString());
      assertTrue(lot.get("accepted").asBoolean(), lot.toString());
      // the adjudicator corrects the item: a defect, Re 1, the lot is not accepted
      disputed = readLot(p, 1).get(0);
      assertFalse(lastLot(p).get("decided").asBoolean());
      adjudicate(disputed, "fix");
      lot = lastLot(p);
      assertTrue(lot.get("decided").asBoolean(), lot.toString());
      assertFalse(lot.get("accepted").asBoolean(), lot.toString());
      assertEquals(1, lot.get("nonconforming").asInt());
      assertEquals("normal", stage(p).get("inspection").get("mode").asText(), "one lot not accepted of the last five");
      // the adjudicator returns the item to its author: a defect again, 2 of 3 lots not accepted -> tightened
      disputed = readLot(p, 1).get(0);
      adjudicate(disputed, "reject");
      JsonNode inspection = stage(p).get("inspection");
      assertEquals("tightened", inspection.get("mode").asText(), inspection.toString());
      assertEquals(2, inspection.get("lotsNotAccepted").asInt());
      assertEquals(4, inspection.get("lotsDecided").asInt());
      // tightened: Table 2-B's larger sample is drawn and read
      assertEquals(n(Mode.TIGHTENED), readLot(p, 0).size());
      lot = lastLot(p);
      assertEquals("tightened", lot.get("mode").asText());
      assertEquals(8, lot.get("sampleSize").asInt());
      assertTrue(lot.get("accepted").asBoolean(), lot.toString());
    }

    @Test void withDisagreementsExcludedADisagreementIsANonconformingItemAtOnce() {
      String p = project("dual-iso-exclude", "generic");
      putWorkflow(p, "stages:\n  - {name: reading, kind: dual, who: [reviewer], sampling: {aql: 2.5}, "
          + "dual: {disagreements: exclude}}\n" + NO_ESCALATION);
      readLot(p, 1);
      JsonNode lot = lastLot(p);
      assertTrue(lot.get("decided").asBoolean(), lot.toString());
      assertFalse(lot.get("accepted").asBoolean(), lot.toString());
      assertEquals(1, lot.get("nonconforming").asInt());
      readLot(p, 0);
      assertTrue(lastLot(p).get("accepted").asBoolean(), lastLot(p).toString());
      readLot(p, 2);
      lot = lastLot(p);
      assertEquals(2, lot.get("nonconforming").asInt(), lot.toString());
      assertEquals("tightened", stage(p).get("inspection").get("mode").asText());
      List<String> drawn = new ArrayList<>(readLot(p, 0));
      assertEquals(n(Mode.TIGHTENED), drawn.size());
    }
  }
}
