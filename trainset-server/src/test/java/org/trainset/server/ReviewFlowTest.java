package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trainset.server.work.WorkEvents;

/**
 * A sidewalk job through Peer → Manager → Final over the API with three users (annotator anna,
 * reviewers rev1 and rev2), one reject and resubmission; the dashboard's figures against what this
 * test computes from the recorded history; own work is never reviewed; reviewer-only comments.
 */
class ReviewFlowTest {
  @Nested class OnSqlite extends Cases { OnSqlite() { super(TestDatabases.SQLITE); } }
  @Nested class OnPostgresql extends Cases { OnPostgresql() { super(TestDatabases.POSTGRESQL); } }

  static final String SIDEWALK = """
      # Peer -> Manager -> Final, every item at every stage, one reviewer each
      workflow: sidewalk-test
      stages:
        - {name: peer, who: [user:rev1], sampling: all}
        - {name: manager, who: [user:rev2], checks: [labels, geometry], sampling: all}
        - {name: final, who: [user:rev1], sampling: all}
      issues:
        reviewer-only: true
        categories: [missing object, wrong extent, wrong label]
      """;

  abstract static class Cases extends ReviewTestSupport {
    String project;
    List<String> items;
    final List<WorkEvents.Returned> returned = new CopyOnWriteArrayList<>();

    Cases(TestDatabases db) {
      super(db);
    }

    @BeforeAll void sidewalkProject() throws Exception {
      addUsers();
      platform.events().onReturned(returned::add);
      project = project("sidewalk", "aihub.sidewalk");
      Path dir = tempDir("sidewalk");
      assertEquals("done", importFolder(manager(), project, Datasets.sample("aihub.sidewalk", dir, 3)).get("state").asText());
      items = new ArrayList<>();
      for (JsonNode n : annotator().get("/api/projects/" + project + "/items").json().get("items")) items.add(n.get("id").asText());
    }

    @Test void theFamilyPresetIsTheSeedsProcessAndBadYamlNamesLineAndField() {
      JsonNode wf = anna.get("/api/projects/" + project + "/workflow").json();
      if (wf.get("source").asText().equals("preset")) {
        List<String> stages = new ArrayList<>();
        wf.get("stages").forEach(s -> stages.add(s.get("name").asText()));
        assertEquals(List.of("peer", "manager", "final"), stages);
      }
      ApiClient.Resp bad = manager().badInput().put("/api/projects/" + project + "/workflow", Map.of("yaml",
          "workflow: x\nstages:\n  - {name: a}\n  - name: b\n    sampling: {fraction: 2}\n"));
      assertEquals(400, bad.status());
      assertEquals("yaml: line 5: stages[1].sampling.fraction: must be in (0, 1]", bad.json().get("detail").asText());
      ApiClient.Resp unknown = manager().badInput().put("/api/projects/" + project + "/workflow", Map.of("yaml",
          "stages:\n  - name: a\n    who: [robot]\n"));
      assertEquals(400, unknown.status());
      assertTrue(unknown.json().get("detail").asText().startsWith("yaml: line 3: stages[0].who: 'robot' is not a role"), unknown.toString());
      ApiClient.Resp syntax = manager().badInput().put("/api/projects/" + project + "/workflow", Map.of("yaml", "stages: [\n"));
      assertEquals(400, syntax.status());
      assertTrue(syntax.json().get("detail").asText().contains("line"), syntax.toString());
      for (String preset : List.of("aihub.sidewalk", "aihub.cctv", "aihub.multimodal", "aihub.ocr", "aihub.motion", "aihub.face",
          "aihub.medical", "aihub.corpus")) {
        String other = project("preset-" + preset.replace('.', '-'), "generic");
        ApiClient.Resp r = manager().put("/api/projects/" + other + "/workflow", Map.of("preset", preset));
        assertEquals(200, r.status(), r.toString());
      }
    }

    @Test void peerManagerFinalWithOneRejectAndResubmission() throws Exception {
      putWorkflow(project, SIDEWALK);
      // the manager makes one job of the three items, anna does it and submits it (the jobs stage's routes)
      ApiClient.Resp made = manager().post("/api/projects/" + project + "/jobs", Map.of("size", 100));
      assertEquals(201, made.status(), made.toString());
      String job = made.json().get("jobs").get(0).get("id").asText();
      assertEquals(200, manager().post("/api/jobs/" + job + "/assignee", Map.of("userId", annaId)).status());
      ApiClient.Resp submitted = anna.post("/api/jobs/" + job + "/submit", Map.of("override", true, "reason", "sample data"));
      assertEquals(200, submitted.status(), submitted.toString());
      String a = items.get(0);
      List<String> all = items.stream().sorted().toList();
      assertEquals(List.of(), queuedIds(anna, project), "the annotator reviews nothing here");
      assertEquals(List.of(), queuedIds(rev2, project), "rev2 only does the manager stage");
      assertEquals(all, queuedIds(rev1, project).stream().sorted().toList());

      // rev1 pins an issue on a's first shape and rejects it; anna gets it back with the issue
      ApiClient.Resp issue = rev1.post("/api/items/" + a + "/issues", Map.of("category", "wrong extent", "annotationIndex", 0,
          "stage", "peer", "comment", "the box cuts the wheel"));
      assertEquals(201, issue.status(), issue.toString());
      assertEquals(409, verdict(rev1, a, "manager", "accept", null).status(), "not at that stage yet");
      ApiClient.Resp rej = verdict(rev1, a, "peer", "reject", "box too tight");
      assertEquals(200, rej.status(), rej.toString());
      assertEquals("returned", rej.json().get("state").asText());
      assertEquals(1, returned.stream().filter(e -> e.itemId().equals(a)).count());
      assertEquals("box too tight", returned.get(returned.size() - 1).reason());
      assertEquals("in_progress", anna.get("/api/jobs/" + job).json().get("state").asText(), "the job reopened for anna");
      for (String x : items.subList(1, items.size())) assertEquals(200, verdict(rev1, x, "peer", "accept", null).status());
      assertEquals(List.of(), queuedIds(rev1, project));
      JsonNode annaIssues = anna.get("/api/items/" + a + "/issues").json().get("issues");
      assertEquals(1, annaIssues.size());
      assertEquals("annotation", annaIssues.get(0).get("anchor").get("kind").asText());

      // anna fixes and resubmits the job: a re-enters the peer stage, the others stay where they are
      JsonNode item = anna.get("/api/items/" + a).json();
      ArrayNode fixed = ((ArrayNode) item.get("annotations")).deepCopy();
      ApiClient.Resp save = anna.put("/api/items/" + a + "/annotations", fixed, "If-Match", item.get("version").asText());
      assertEquals(200, save.status(), save.toString());
      ApiClient.Resp resolve = anna.send("PATCH", "/api/issues/" + issue.json().get("id").asText(), "application/json",
          "{\"state\":\"resolved\",\"comment\":\"widened\"}".getBytes());
      assertEquals(200, resolve.status(), resolve.toString());
      assertEquals(200, anna.post("/api/jobs/" + job + "/submit", Map.of("override", true, "reason", "fixed")).status());
      assertEquals(List.of(a), queuedIds(rev1, project));
      assertEquals(items.size() - 1, queuedIds(rev2, project).size());
      assertEquals(200, verdict(rev1, a, "peer", "accept", "ok now").status());
      assertEquals(all, queuedIds(rev2, project).stream().sorted().toList());
      for (String x : items) assertEquals("final", verdict(rev2, x, "manager", "accept", null).json().get("nextStage").asText());
      for (String x : items) {
        ApiClient.Resp fin = verdict(rev1, x, "final", "accept", null);
        assertEquals("done", fin.json().get("state").asText(), fin.toString());
      }
      assertEquals(409, verdict(rev1, a, "final", "accept", null).status(), "a done item takes no more verdicts");

      // the dashboard equals what the recorded history says
      JsonNode history = manager().get("/api/projects/" + project + "/review-history").json().get("events");
      Map<String, long[]> perStage = new HashMap<>(); // verdicts, rejects, waited
      for (JsonNode e : history) {
        if (!e.get("author").asText().equals("anna")) continue;
        long[] s = perStage.computeIfAbsent(e.get("stage").asText(), k -> new long[3]);
        s[0]++;
        if (e.get("verdict").asText().equals("reject")) s[1]++;
        s[2] += e.get("waitedMs").asLong();
      }
      assertEquals(items.size() + 1, perStage.get("peer")[0]);
      assertEquals(1, perStage.get("peer")[1]);
      JsonNode q = quality(project);
      JsonNode w = worker(q, "anna");
      assertEquals(items.size(), w.get("itemsDone").asInt());
      for (var e : perStage.entrySet()) {
        JsonNode st = w.get("stages").get(e.getKey());
        assertEquals(e.getValue()[0], st.get("verdicts").asLong(), e.getKey());
        assertEquals(e.getValue()[1], st.get("rejects").asLong(), e.getKey());
        assertEquals((double) e.getValue()[1] / e.getValue()[0], st.get("rejectionRate").asDouble(), 1e-12);
        assertEquals((double) e.getValue()[2] / e.getValue()[0], st.get("meanTimeInStageMs").asDouble(), 1e-9);
      }
      long issues = 0;
      long objects = 0;
      for (String x : items) {
        issues += manager().get("/api/items/" + x + "/issues").json().get("issues").size();
        objects += manager().get("/api/items/" + x).json().get("annotations").size();
      }
      assertEquals(100.0 * issues / objects, w.get("issuesPer100Objects").asDouble(), 1e-9);
      assertEquals(items.size(), q.get("project").get("itemsByState").get("done").asInt());
      assertEquals("sampled", w.get("inspection").asText());
      String csv = manager().get("/api/projects/" + project + "/quality?format=csv").text();
      int n = items.size();
      assertTrue(csv.contains("\nanna," + n + "," + n + ","), csv);
      assertTrue(csv.contains(",peer," + (n + 1) + ",1," + String.format(java.util.Locale.ROOT, "%.6f", 1.0 / (n + 1)) + ","), csv);
      String historyCsv = manager().get("/api/projects/" + project + "/review-history?format=csv").text();
      assertEquals(history.size() + 1, historyCsv.split("\n").length);
      assertTrue(historyCsv.contains(",peer,1,anna,rev1,reject,box too tight,"), historyCsv);
      assertEquals(List.of(), platform.audit().verify());

      // the project's export carries the review history next to the data
      ApiClient.Resp export = manager().post("/api/projects/" + project + "/exports", Map.of("format", "trainset"));
      JsonNode op = awaitOperation(manager(), export.json().get("operationId").asText());
      assertEquals("done", op.get("state").asText(), op.toString());
      byte[] zip = manager().get(op.get("result").get("download").asText()).body();
      String exported = null;
      try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
        for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
          if (e.getName().endsWith("/review-history.csv")) exported = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
      }
      assertEquals(historyCsv, exported);
    }

    @Test void aReviewerNeverReviewsTheirOwnWork() {
      String p = project("own-work", "generic");
      putWorkflow(p, "stages:\n  - {name: check, who: [reviewer], sampling: all}\n");
      List<String> mine = emptyItems(p, 2);
      submit(p, "job-own", mine, rev1Id);
      assertEquals(List.of(), queuedIds(rev1, p));
      ApiClient.Resp r = verdict(rev1, mine.get(0), "check", "accept", null);
      assertEquals(403, r.status(), r.toString());
      assertEquals("you cannot review your own work", r.json().get("detail").asText());
      assertEquals(2, queuedIds(rev2, p).size());
      assertEquals(200, verdict(rev2, mine.get(0), "check", "accept", null).status());
    }

    @Test void fixAndAcceptSavesTheReviewersCorrectionAsANewVersion() {
      String p = project("fix", "generic");
      putWorkflow(p, "stages:\n  - {name: check, who: [reviewer], sampling: all}\n  - {name: audit, who: [manager], sampling: all}\n");
      String item = emptyItems(p, 1).get(0);
      submit(p, "job-fix", List.of(item), annaId);
      JsonNode before = rev1.get("/api/items/" + item).json();
      assertEquals(400, rev1.badInput().post("/api/items/" + item + "/review", Map.of("verdict", "fix", "stage", "check")).status());
      ApiClient.Resp fix = rev1.post("/api/items/" + item + "/review", Map.of("verdict", "fix", "stage", "check",
          "comment", "added the missing car", "version", before.get("version").asInt(),
          "annotations", List.of(Map.of("type", "box", "label", "car", "x", 1, "y", 2, "w", 30, "h", 20))));
      assertEquals(200, fix.status(), fix.toString());
      assertEquals("audit", fix.json().get("nextStage").asText());
      JsonNode after = rev1.get("/api/items/" + item).json();
      assertEquals(before.get("version").asInt() + 1, after.get("version").asInt());
      assertEquals("car", after.get("annotations").get(0).get("label").asText());
      JsonNode last = manager().get("/api/projects/" + p + "/review-history").json().get("events").get(0);
      assertEquals("fix", last.get("verdict").asText());
      assertEquals("rev1", last.get("reviewer").asText());
    }

    @Test void reviewerOnlyCommentsNeverReachTheAnnotator() {
      String p = project("private-notes", "generic");
      putWorkflow(p, SIDEWALK);
      String item = emptyItems(p, 1).get(0);
      submit(p, "job-private", List.of(item), annaId);
      ApiClient.Resp hidden = rev1.post("/api/items/" + item + "/issues", Map.of("category", "missing object",
          "point", Map.of("x", 10, "y", 20), "comment", "rev2: is this one of anna's habits?", "reviewerOnly", true));
      assertEquals(201, hidden.status(), hidden.toString());
      ApiClient.Resp open = rev1.post("/api/items/" + item + "/issues", Map.of("category", "wrong label",
          "area", Map.of("x", 1, "y", 2, "w", 30, "h", 40), "comment", "this is a bollard"));
      String openId = open.json().get("id").asText();
      ApiClient.Resp note = rev1.send("PATCH", "/api/issues/" + openId, "application/json",
          "{\"comment\":\"second time this week\",\"reviewerOnly\":true}".getBytes());
      assertEquals(200, note.status(), note.toString());
      JsonNode seenByAnna = anna.get("/api/items/" + item + "/issues").json().get("issues");
      assertEquals(1, seenByAnna.size());
      assertEquals("area", seenByAnna.get(0).get("anchor").get("kind").asText());
      assertEquals(1, seenByAnna.get(0).get("comments").size());
      assertFalse(seenByAnna.toString().contains("habits") || seenByAnna.toString().contains("second time"));
      assertEquals(404, anna.badInput().send("PATCH", "/api/issues/" + hidden.json().get("id").asText(), "application/json",
          "{\"comment\":\"?\"}".getBytes()).status());
      assertEquals(403, anna.badInput().send("PATCH", "/api/issues/" + openId, "application/json",
          "{\"comment\":\"x\",\"reviewerOnly\":true}".getBytes()).status());
      JsonNode seenByRev2 = rev2.get("/api/items/" + item + "/issues").json().get("issues");
      assertEquals(2, seenByRev2.size());
      assertEquals(2, seenByRev2.get(1).get("comments").size());
      assertEquals(400, rev1.badInput().post("/api/items/" + item + "/issues", Map.of("category", "nonsense")).status());
    }
  }
}
