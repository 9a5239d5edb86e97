package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trainset.server.auth.Role;
import org.trainset.server.work.WorkEvents;

/**
 * Jobs over HTTP: split (by size, by aspect, with a qualification), assign, take, my jobs, the
 * annotator's access rules, submit with open errors (409, then a recorded override), the return
 * from review, and the read-only rule for submitted jobs.
 */
class JobsTest {
  @Nested class OnSqlite extends Cases { OnSqlite() { super(TestDatabases.SQLITE); } }
  @Nested class OnPostgresql extends Cases { OnPostgresql() { super(TestDatabases.POSTGRESQL); } }

  abstract static class Cases extends ServerTestBase {
    String project;
    ApiClient annotator2;
    final List<WorkEvents.Submitted> submitted = new CopyOnWriteArrayList<>();

    Cases(TestDatabases db) {
      super(db);
    }

    @BeforeAll void importOcrSample() throws Exception {
      var r = manager().post("/api/projects", Map.of("name", "ocr", "family", "aihub.ocr"));
      assertEquals(201, r.status(), r.toString());
      project = r.json().get("id").asText();
      Path sample = Datasets.sample("aihub.ocr", tempDir("ocr").resolve("ocr"), 4);
      assertEquals("done", importFolder(manager(), project, sample).get("state").asText());
      var u = platform.users().add("annotator2", PASSWORD, Role.ANNOTATOR, "acme");
      annotator2 = anonymous.withBearer(platform.sessions().newAccessToken(u.id(), "test"));
      platform.events().onSubmitted(submitted::add);
    }

    private String userId(String name) {
      return AnnotateMatrixArea.userId(this, name);
    }

    private static ArrayNode withWord(JsonNode item, String text) {
      ArrayNode anns = ((ArrayNode) item.get("annotations")).deepCopy();
      ObjectNode box = anns.addObject().put("type", "box").put("label", "word").put("x", 10).put("y", 10).put("w", 40).put("h", 20);
      box.putObject("attributes").put("class", "word").put("text", text);
      return anns;
    }

    @Test void splitAssignTakeSubmitAndReturn() {
      var made = manager().post("/api/projects/" + project + "/jobs", Map.of("size", 2));
      assertEquals(201, made.status(), made.toString());
      JsonNode jobs = made.json().get("jobs");
      assertEquals(2, jobs.size());
      for (JsonNode j : jobs) {
        assertEquals(2, j.get("itemCount").asInt());
        assertEquals("new", j.get("state").asText());
        assertTrue(j.get("assignee").isNull());
      }
      String job1 = jobs.get(0).get("id").asText();
      String job2 = jobs.get(1).get("id").asText();
      var again = manager().post("/api/projects/" + project + "/jobs", Map.of("size", 2));
      assertEquals(409, again.status(), "every item is in a job already: " + again);
      assertEquals(400, manager().badInput().post("/api/projects/" + project + "/jobs", Map.of("size", 0)).status());
      // one item set by aspect: the same 4 items for two people
      var byAspect = manager().post("/api/projects/" + project + "/jobs", Map.of("aspects", List.of("text", "class")));
      assertEquals(201, byAspect.status(), byAspect.toString());
      assertEquals(2, byAspect.json().get("jobs").size());
      assertEquals("text", byAspect.json().get("jobs").get(0).get("aspect").asText());
      assertEquals(4, byAspect.json().get("jobs").get(1).get("itemCount").asInt());
      var xray = manager().post("/api/projects/" + project + "/jobs", Map.of("aspects", List.of("second-read"), "qualification", "xray"));
      String xrayJob = xray.json().get("jobs").get(0).get("id").asText();

      // the manager assigns job 1; the annotator opens it and its items, not job 2's
      assertEquals(200, manager().post("/api/jobs/" + job1 + "/assignee", Map.of("userId", userId("annotator1"))).status());
      JsonNode detail = annotator().get("/api/jobs/" + job1).json();
      assertEquals(2, detail.get("items").size());
      String item1 = detail.get("nextItemId").asText();
      assertEquals(detail.get("items").get(0).get("id").asText(), item1);
      assertEquals(403, annotator().get("/api/jobs/" + job2).status());
      String item3 = manager().get("/api/jobs/" + job2).json().get("items").get(0).get("id").asText();
      assertEquals(200, annotator().get("/api/items/" + item1).status());
      var foreign = annotator().get("/api/items/" + item3);
      assertEquals(403, foreign.status());
      assertTrue(foreign.json().get("detail").asText().contains("not assigned to you"), foreign.toString());
      assertEquals(403, annotator().get("/api/items/" + item3 + "/media").status(), "media follow the item's rule");

      // annotator 2 sees job 2 free, takes it; annotator 1 cannot take it any more
      List<String> visible = new ArrayList<>();
      annotator2.get("/api/projects/" + project + "/jobs").json().get("jobs").forEach(j -> visible.add(j.get("id").asText()));
      assertTrue(visible.contains(job2) && !visible.contains(job1) && !visible.contains(xrayJob), visible.toString());
      var took = annotator2.post("/api/jobs/" + job2 + "/assignee", Map.of("take", true));
      assertEquals(200, took.status(), took.toString());
      assertEquals("annotator2", took.json().get("assignee").get("username").asText());
      assertEquals(409, annotator().post("/api/jobs/" + job2 + "/assignee", Map.of("take", true)).status());
      assertEquals(403, annotator().post("/api/jobs/" + job2 + "/assignee", Map.of("userId", userId("annotator1"))).status(),
          "annotators take, they do not assign");

      // a job needing a qualification: refused until the manager records it
      var refused = annotator().post("/api/jobs/" + xrayJob + "/assignee", Map.of("take", true));
      assertEquals(403, refused.status());
      assertTrue(refused.json().get("detail").asText().contains("xray"), refused.toString());
      var q = manager().put("/api/users/" + userId("annotator2") + "/qualifications", Map.of("qualifications", List.of("xray")));
      assertEquals(200, q.status(), q.toString());
      assertEquals("xray", q.json().get("qualifications").get(0).asText());
      boolean listed = false;
      for (JsonNode u : manager().get("/api/users").json().get("users")) {
        listed |= u.get("username").asText().equals("annotator2") && u.get("qualifications").toString().equals("[\"xray\"]");
      }
      assertTrue(listed, "GET /api/users shows qualifications");
      assertEquals(200, annotator2.post("/api/jobs/" + xrayJob + "/assignee", Map.of("take", true)).status());
      assertEquals(404, outsider.put("/api/users/" + userId("annotator1") + "/qualifications", Map.of("qualifications", List.of())).status());
      List<String> mine = new ArrayList<>();
      annotator2.get("/api/me/jobs").json().get("jobs").forEach(j -> mine.add(j.get("id").asText()));
      assertEquals(List.of(job2, xrayJob), mine);

      // work: a save marks the item done and starts the job
      JsonNode item = annotator().get("/api/items/" + item1).json();
      var saved = annotator().put("/api/items/" + item1 + "/annotations", withWord(item, "가☃"), "If-Match", item.get("version").asText());
      assertEquals(200, saved.status(), saved.toString());
      JsonNode started = annotator().get("/api/jobs/" + job1).json();
      assertEquals("in_progress", started.get("state").asText());
      assertEquals(1, started.get("doneCount").asInt());
      assertEquals("done", started.get("items").get(0).get("state").asText());

      // submit with an open error: 409 with the findings; then an override that is recorded
      var blocked = annotator().post("/api/jobs/" + job1 + "/submit", Map.of());
      assertEquals(409, blocked.status(), blocked.toString());
      assertEquals("open_findings", blocked.json().get("error").asText());
      boolean charset = false;
      for (JsonNode f : blocked.json().get("findings")) {
        if (f.get("rule").asText().equals("ocr.charset") && f.get("itemId").asText().equals(item1)) charset = true;
      }
      assertTrue(charset, blocked.toString());
      assertEquals("in_progress", manager().get("/api/jobs/" + job1).json().get("state").asText(), "nothing submitted");
      assertTrue(submitted.isEmpty());
      var over = annotator().post("/api/jobs/" + job1 + "/submit", Map.of("override", true, "reason", "the sign really shows ☃"));
      assertEquals(200, over.status(), over.toString());
      assertEquals("submitted", over.json().get("state").asText());
      assertEquals("the sign really shows ☃", over.json().get("override").get("reason").asText());
      assertTrue(over.json().get("override").get("errors").asInt() >= 1);
      boolean audited = platform.audit().page(0, 1000).stream()
          .anyMatch(e -> e.entry().action().equals("job.submit.override") && job1.equals(e.entry().objectId()));
      assertTrue(audited, "the override is in the audit log");
      assertEquals(1, submitted.size());
      assertEquals(job1, submitted.get(0).jobId());
      assertEquals(2, submitted.get(0).itemIds().size());
      assertEquals(409, annotator().post("/api/jobs/" + job1 + "/submit", Map.of()).status());

      // submitted: read-only for its annotator
      JsonNode now = annotator().get("/api/items/" + item1).json();
      var locked = annotator().put("/api/items/" + item1 + "/annotations", withWord(now, "가"), "If-Match", now.get("version").asText());
      assertEquals(403, locked.status());
      assertTrue(locked.json().get("detail").asText().contains("submitted"), locked.toString());

      // a reviewer returns the item: the job reopens and the annotator fixes it
      platform.events().returned(new WorkEvents.Returned(project, item1, userId("reviewer1"), "fix the transcription", System.currentTimeMillis()));
      JsonNode reopened = annotator().get("/api/jobs/" + job1).json();
      assertEquals("in_progress", reopened.get("state").asText());
      assertEquals(item1, reopened.get("nextItemId").asText());
      var fixed = annotator().put("/api/items/" + item1 + "/annotations", withWord(now, "가"), "If-Match", now.get("version").asText());
      assertEquals(200, fixed.status(), fixed.toString());
    }

    @Test void twoSavesOfOneVersionGiveOne409AndNothingIsLost() {
      String id = annotator().get("/api/projects/" + project + "/items?limit=1&offset=3").json().get("items").get(0).get("id").asText();
      JsonNode item = manager().get("/api/items/" + id).json();
      String v = item.get("version").asText();
      assertEquals(200, manager().put("/api/items/" + id + "/annotations", withWord(item, "첫째"), "If-Match", v).status());
      var second = admin().put("/api/items/" + id + "/annotations", withWord(item, "둘째"), "If-Match", v);
      assertEquals(409, second.status());
      JsonNode after = manager().get("/api/items/" + id).json();
      JsonNode last = after.get("annotations").get(after.get("annotations").size() - 1);
      assertEquals("첫째", last.get("attributes").get("text").asText(), "the first save is kept");
      assertEquals(item.get("version").asInt() + 1, after.get("version").asInt());
    }

    @Test void anAnnotatorCannotOpenAnItemOfAnotherOrganisationsProject() throws Exception {
      var r = outsider.post("/api/projects", Map.of("name", "theirs"));
      String theirs = r.json().get("id").asText();
      assertEquals("done", importFolder(outsider, theirs, Datasets.fixture("voc")).get("state").asText());
      String item = outsider.get("/api/projects/" + theirs + "/items?limit=1").json().get("items").get(0).get("id").asText();
      assertEquals(404, annotator().get("/api/items/" + item).status());
      assertEquals(404, annotator().get("/api/projects/" + theirs + "/jobs").status());
      assertEquals(404, annotator().post("/api/items/" + item + "/check", Map.of("annotations", List.of())).status());
    }

    @Test void liveCheckOfADraftAndOfTheSavedItem() {
      String id = manager().get("/api/projects/" + project + "/items?limit=1&offset=2").json().get("items").get(0).get("id").asText();
      JsonNode item = manager().get("/api/items/" + id).json();
      JsonNode saved = manager().get("/api/items/" + id + "/findings").json();
      assertEquals(item.get("version").asInt(), saved.get("version").asInt());
      assertEquals("aihub.ocr", saved.get("pack").asText());
      ArrayNode bad = withWord(item, "서울☃");
      int index = bad.size() - 1;
      JsonNode found = manager().post("/api/items/" + id + "/check", Map.of("annotations", bad)).json();
      JsonNode charset = null;
      for (JsonNode f : found.get("findings")) if (f.get("rule").asText().equals("ocr.charset")) charset = f;
      assertTrue(charset != null, found.toString());
      assertEquals("error", charset.get("severity").asText());
      assertEquals(index, charset.get("annotation").asInt());
      assertTrue(charset.get("message").asText().contains("☃"), charset.toString());
      JsonNode clean = manager().post("/api/items/" + id + "/check", Map.of("annotations", withWord(item, "서울"))).json();
      for (JsonNode f : clean.get("findings")) assertFalse(f.get("rule").asText().equals("ocr.charset") && f.path("annotation").asInt(-1) == index, clean.toString());
      // nothing was saved by a check
      assertEquals(item.get("version").asInt(), manager().get("/api/items/" + id).json().get("version").asInt());
      var malformed = manager().badInput().post("/api/items/" + id + "/check", Map.of("annotations", List.of(Map.of("type", "box"))));
      assertEquals(400, malformed.status());
      assertTrue(malformed.json().get("detail").asText().startsWith("annotations[0]"), malformed.toString());
    }

    @Test void sidewalkRulesRunOnDrafts() throws Exception {
      var r = manager().post("/api/projects", Map.of("name", "walk", "rulePack", "aihub.sidewalk"));
      String walk = r.json().get("id").asText();
      assertEquals("done", importFolder(manager(), walk, Datasets.fixture("voc")).get("state").asText());
      String id = manager().get("/api/projects/" + walk + "/items?limit=1").json().get("items").get(0).get("id").asText();
      ArrayNode anns = ApiClient.JSON.createArrayNode();
      anns.addObject().put("type", "box").put("label", "bench").put("x", 1).put("y", 1).put("w", 40).put("h", 30);
      ObjectNode s1 = anns.addObject().put("type", "polygon").put("label", "sidewalk");
      s1.putArray("points").add(0).add(0).add(100).add(0).add(100).add(100).add(0).add(100);
      s1.putObject("attributes").put("attribute", "blocks");
      ObjectNode s2 = anns.addObject().put("type", "polygon").put("label", "roadway");
      s2.putArray("points").add(50).add(50).add(150).add(50).add(150).add(150).add(50).add(150);
      s2.putObject("attributes").put("attribute", "gravel");
      JsonNode found = manager().post("/api/items/" + id + "/check", Map.of("annotations", anns)).json();
      Map<String, Integer> at = new java.util.HashMap<>();
      for (JsonNode f : found.get("findings")) at.putIfAbsent(f.get("rule").asText(), f.path("annotation").asInt(-1));
      assertEquals(0, at.get("sidewalk.min-size"), found.toString());
      assertTrue(at.containsKey("sidewalk.surface-overlap"), found.toString());
      assertEquals(2, at.get("sidewalk.surface.roadway"), found.toString());
      assertNull(at.get("sidewalk.surface.sidewalk"), found.toString());
    }

    @Test void videoItemsAreSampledIntoFramesAtTheJobsRate() throws Exception {
      Path dir = tempDir("clips");
      // 2 s at 10 frames/s: 20 frames (ffmpeg's test pattern)
      Process ff = new ProcessBuilder("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=duration=2:size=64x48:rate=10",
          "-pix_fmt", "yuv420p", dir.resolve("walk.mp4").toString()).redirectErrorStream(true).start();
      String log = new String(ff.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertEquals(0, ff.waitFor(), "ffmpeg (scripts/install-test-deps): " + log);
      var r = manager().post("/api/projects", Map.of("name", "motion-clips"));
      String clips = r.json().get("id").asText();
      assertEquals("done", importFolder(manager(), clips, dir).get("state").asText());
      var made = manager().post("/api/projects/" + clips + "/jobs", Map.of("frameRate", 3));
      assertEquals(201, made.status(), made.toString());
      assertEquals(3.0, made.json().get("jobs").get(0).get("frameRate").asDouble(), 1e-9);
      JsonNode job = manager().get("/api/jobs/" + made.json().get("jobs").get(0).get("id").asText()).json();
      assertEquals("[0,3,7,10,13,17]", job.get("items").get(0).get("frames").toString());
      var bad = manager().badInput().post("/api/projects/" + clips + "/jobs", Map.of("frameRate", -1));
      assertEquals(400, bad.status());
      assertTrue(bad.json().get("detail").asText().startsWith("frameRate:"), bad.toString());
    }
  }
}
