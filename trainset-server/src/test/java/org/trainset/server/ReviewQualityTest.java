package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trainset.inspect.review.Iso2859;

/**
 * Sampling by an ISO 2859-1 plan, escalation to 100 % after gold failures, dual-reading agreement
 * against scikit-learn's cohen_kappa_score, and MQM scores against a hand-computed case.
 */
class ReviewQualityTest {
  @Nested class OnSqlite extends Cases { OnSqlite() { super(TestDatabases.SQLITE); } }
  @Nested class OnPostgresql extends Cases { OnPostgresql() { super(TestDatabases.POSTGRESQL); } }

  abstract static class Cases extends ReviewTestSupport {
    Cases(TestDatabases db) {
      super(db);
    }

    @BeforeAll void users() {
      addUsers();
    }

    @Test void aLotOf2000ItemsDrawsTheIsoPlansSampleSize() {
      String p = project("iso", "generic");
      putWorkflow(p, "stages:\n  - {name: audit, who: [reviewer], sampling: {aql: 1.0}}\n");
      List<String> lot = emptyItems(p, 2000);
      submit(p, "lot-2000", lot, annaId);
      Iso2859.Plan plan = Iso2859.plan(2000, 1.0);
      assertEquals('K', plan.codeLetter()); // Table 1, level II: 1 201 - 3 200
      assertEquals(125, plan.sampleSize()); // Table 2-A: K -> 125
      JsonNode q = quality(p);
      assertEquals(plan.sampleSize(), q.get("project").get("pendingByStage").get("audit").asInt());
      assertEquals(2000 - plan.sampleSize(), q.get("project").get("itemsByState").get("done").asInt());
      assertEquals(plan.sampleSize(), new HashSet<>(queuedIds(rev1, p)).size());
      assertTrue(queue(rev1).get("total").asInt() >= plan.sampleSize());
    }

    @Test void goldFailuresEscalateTheWorkerTo100Percent() {
      String p = project("gold", "generic");
      putWorkflow(p, """
          stages:
            - {name: check, who: [reviewer], sampling: {fraction: 0.1}}
          quality: {threshold: 90, min-items: 3, window: 3, clean-streak: 5}
          gold: {min-iou: 0.5}
          """);
      List<String> first = emptyItems(p, 10);
      submit(p, "lot-a", first, annaId);
      assertEquals(1, queuedIds(rev1, p).size(), "10 % of 10 before any failure");
      List<String> gold = emptyItems(p, 3);
      for (String g : gold) {
        save(manager(), g, "[{\"type\":\"box\",\"label\":\"car\",\"x\":10,\"y\":10,\"w\":50,\"h\":40}]");
        assertEquals(200, manager().put("/api/items/" + g + "/gold", Map.of("gold", true)).status());
        // anna draws it in the wrong place with the wrong label
        save(anna, g, "[{\"type\":\"box\",\"label\":\"truck\",\"x\":200,\"y\":200,\"w\":50,\"h\":40}]");
      }
      submit(p, "lot-gold", gold, annaId);
      JsonNode w = worker(quality(p), "anna");
      assertEquals(3, w.get("goldSeen").asInt());
      assertEquals(0, w.get("goldCorrect").asInt());
      assertEquals(0.0, w.get("goldAccuracy").asDouble());
      assertEquals("full", w.get("inspection").asText());
      List<String> next = emptyItems(p, 10);
      submit(p, "lot-b", next, annaId);
      assertTrue(queuedIds(rev1, p).containsAll(next), "every item of an escalated worker is inspected");
      assertEquals(1, manager().get("/api/projects/" + p + "/quality").json().get("workers").size());
    }

    @Test void goldAnswersMatchingByIouCountAsCorrect() {
      String p = project("gold-ok", "generic");
      putWorkflow(p, "stages:\n  - {name: check, who: [reviewer], sampling: all}\ngold: {min-iou: 0.5}\n");
      String g = emptyItems(p, 1).get(0);
      save(manager(), g, "[{\"type\":\"box\",\"label\":\"car\",\"x\":10,\"y\":10,\"w\":50,\"h\":40}]");
      manager().put("/api/items/" + g + "/gold", Map.of("gold", true));
      save(anna, g, "[{\"type\":\"box\",\"label\":\"car\",\"x\":12,\"y\":11,\"w\":50,\"h\":40}]"); // IoU ≈ 0.88
      submit(p, "lot-ok", List.of(g), annaId);
      JsonNode w = worker(quality(p), "anna");
      assertEquals(1, w.get("goldCorrect").asInt());
      assertEquals(1.0, w.get("goldAccuracy").asDouble());
    }

    @Test void dualReadingAgreementIsScikitLearnsKappa() throws Exception {
      String p = project("dual", "generic");
      putWorkflow(p, """
          stages:
            - {name: reading, kind: dual, who: [reviewer], sampling: all, dual: {min-iou: 0.5, disagreements: adjudicate}}
            - {name: adjudication, who: [manager], sampling: all}
          """);
      List<String> a = List.of("mass", "mass", "normal", "calc", "normal", "mass", "calc", "normal", "normal", "mass", "calc", "mass");
      List<String> b = List.of("mass", "normal", "normal", "calc", "normal", "mass", "mass", "normal", "calc", "mass", "calc", "normal");
      List<String> items = emptyItems(p, a.size());
      submit(p, "cases", items, annaId);
      for (int i = 0; i < items.size(); i++) {
        read(rev1, items.get(i), a.get(i));
        ApiClient.Resp second = read(rev2, items.get(i), b.get(i));
        assertEquals(a.get(i).equals(b.get(i)) ? 0 : 2, second.json().get("disagreements").asInt(), second.toString());
      }
      JsonNode agreement = quality(p).get("project").get("agreement");
      assertEquals(items.size(), agreement.get("items").asInt());
      assertEquals(sklearnKappa(a, b), agreement.get("kappa").asDouble(), 1e-12);
      // agreeing labels are kept on the item, disagreements go to the adjudicator as issues
      JsonNode agreed = manager().get("/api/items/" + items.get(0)).json().get("annotations");
      assertEquals(1, agreed.size());
      assertEquals("mass", agreed.get(0).get("label").asText());
      assertEquals(0, manager().get("/api/items/" + items.get(1)).json().get("annotations").size());
      assertEquals(2, manager().get("/api/items/" + items.get(1) + "/issues").json().get("issues").size());
      assertEquals(items.size(), queuedIds(manager(), p).size());
    }

    private ApiClient.Resp read(ApiClient reader, String item, String label) {
      ApiClient.Resp r = reader.post("/api/items/" + item + "/review", Map.of("verdict", "accept", "stage", "reading",
          "annotations", List.of(Map.of("type", "tag", "label", label))));
      assertEquals(200, r.status(), r.toString());
      return r;
    }

    @Test void mqmScoresEqualAHandComputedCase() {
      String p = project("corpus", "generic");
      putWorkflow(p, """
          stages:
            - {name: external, kind: mqm, who: [reviewer], sampling: all}
          mqm: {reference-words: 100, pass-threshold: 90, quality: {threshold: 90, min-items: 2, window: 2}}
          issues: {categories: [ACm, ACo, ACme, FLg, FLa, FLme]}
          """);
      String twenty = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
          + "seventeen eighteen nineteen twenty";
      List<String> items = insertItems(p, List.of("{\"id\":\"n1\",\"media\":[],\"attributes\":{\"domain\":\"news\"}}",
          "{\"id\":\"s1\",\"media\":[],\"attributes\":{\"domain\":\"spoken\"}}"), List.of(
          "[{\"type\":\"text_pair\",\"label\":\"pair\",\"sourceText\":\"원문\",\"targetText\":\"" + twenty + "\"}]",
          "[{\"type\":\"text_pair\",\"label\":\"pair\",\"sourceText\":\"원문\",\"targetText\":\"a b c d e f g h i j\"}]"));
      submit(p, "corpus-lot", items, annaId);
      mark(items.get(0), "ACm", "major");
      mark(items.get(0), "FLg", "minor");
      for (String i : items) assertEquals(200, verdict(rev1, i, "external", "accept", null).status());
      // hand computation: pair n1 has 20 words and penalty 5 (major) + 1 (minor) = 6 -> 100 - 6/20*100 = 70;
      // pair s1 has 10 words and no errors -> 100; anna: 6 points over 30 words -> 100 - 6/30*100 = 80
      JsonNode q = quality(p);
      JsonNode pairs = q.get("project").get("mqm").get("pairs");
      assertEquals(70.0, pairs.get(0).get("score").asDouble(), 1e-9);
      assertEquals(100.0, pairs.get(1).get("score").asDouble(), 1e-9);
      assertEquals(70.0, q.get("project").get("mqm").get("domains").get("news").asDouble(), 1e-9);
      assertEquals(100.0, q.get("project").get("mqm").get("domains").get("spoken").asDouble(), 1e-9);
      JsonNode w = worker(q, "anna");
      assertEquals(80.0, w.get("mqmScore").asDouble(), 1e-9);
      // two scored pairs averaging 85, under the cut score 90: all of anna's work is inspected now
      assertEquals("full", w.get("inspection").asText());
      assertEquals(400, rev1.badInput().post("/api/items/" + items.get(1) + "/issues", Map.of("category", "ACx",
          "mqm", Map.of("code", "ACx", "severity", "minor"))).status());
    }

    private void mark(String item, String code, String severity) {
      ApiClient.Resp r = rev1.post("/api/items/" + item + "/issues", Map.of("category", code, "mqm",
          Map.of("code", code, "severity", severity)));
      assertEquals(201, r.status(), r.toString());
    }

    private void save(ApiClient c, String item, String annotations) {
      String version = c.get("/api/items/" + item).json().get("version").asText();
      ApiClient.Resp r = c.put("/api/items/" + item + "/annotations", annotations, "If-Match", version);
      assertEquals(200, r.status(), r.toString());
    }
  }

  /** scikit-learn's cohen_kappa_score on the same labels (python3-sklearn; missing it fails the test). */
  static double sklearnKappa(List<String> a, List<String> b) throws IOException, InterruptedException {
    String script = "import json,sys\nfrom sklearn.metrics import cohen_kappa_score\n"
        + "d=json.load(sys.stdin)\nprint(repr(float(cohen_kappa_score(d[0], d[1]))))\n";
    Process proc = new ProcessBuilder("/usr/bin/python3", "-c", script).redirectErrorStream(true).start();
    proc.getOutputStream().write(ApiClient.JSON.writeValueAsBytes(List.of(a, b)));
    proc.getOutputStream().close();
    String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertEquals(0, proc.waitFor(), "python3 with scikit-learn (scripts/install-test-deps): " + out);
    return Double.parseDouble(out);
  }
}
