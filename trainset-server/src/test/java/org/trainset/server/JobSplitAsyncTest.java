package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Splitting a project into jobs in the request (the default, 201) and as a background operation
 * ({@code Prefer: respond-async}, 202, kind {@code job-split}, the jobs in its result); a split that
 * fails part-way, in either mode, leaves no job; two background splits of one project at once
 * make one set of jobs and the other fails with nothing written.
 */
class JobSplitAsyncTest {
  @Nested class OnSqlite extends Cases { OnSqlite() { super(TestDatabases.SQLITE); } }
  @Nested class OnPostgresql extends Cases { OnPostgresql() { super(TestDatabases.POSTGRESQL); } }

  abstract static class Cases extends ServerTestBase {
    Cases(TestDatabases db) {
      super(db);
    }

    /** A project of {@code n} OCR sample items. */
    String ocrProject(String name, int n) throws Exception {
      var r = manager().post("/api/projects", Map.of("name", name, "family", "aihub.ocr"));
      assertEquals(201, r.status(), r.toString());
      String project = r.json().get("id").asText();
      Path sample = Datasets.sample("aihub.ocr", tempDir(name).resolve("ocr"), n);
      assertEquals("done", importFolder(manager(), project, sample).get("state").asText());
      return project;
    }

    ApiClient.Resp splitAsync(String project, Map<String, Object> body) {
      return manager().post("/api/projects/" + project + "/jobs", body, "Prefer", "respond-async");
    }

    List<String> jobIds(JsonNode jobList) {
      List<String> out = new ArrayList<>();
      for (JsonNode j : jobList.get("jobs")) out.add(j.get("id").asText());
      return out;
    }

    List<String> listedJobs(String project) {
      ApiClient.Resp r = manager().get("/api/projects/" + project + "/jobs");
      assertEquals(200, r.status(), r.toString());
      return jobIds(r.json());
    }

    @Test void theRequestSplitsByDefaultAndRespondAsyncSplitsInAnOperation() throws Exception {
      String project = ocrProject("split-modes", 4);
      ApiClient.Resp started = splitAsync(project, Map.of("size", 2));
      assertEquals(202, started.status(), started.toString());
      assertEquals("respond-async", started.header("Preference-Applied").orElse(null));
      JsonNode op = awaitOperation(manager(), started.json().get("operationId").asText());
      assertEquals("job-split", op.get("kind").asText());
      assertEquals("done", op.get("state").asText(), op.toString());
      assertEquals(1.0, op.get("progress").asDouble());
      JsonNode made = op.get("result");
      assertEquals(2, made.get("jobs").size(), made.toString());
      for (JsonNode j : made.get("jobs")) assertEquals(2, j.get("itemCount").asInt());
      assertEquals(jobIds(made), listedJobs(project), "the operation's result is the jobs made");
      // nothing left to split: refused at once, not as a failed operation
      ApiClient.Resp none = manager().post("/api/projects/" + project + "/jobs", Map.of("size", 2), "Prefer", "respond-async");
      assertEquals(409, none.status(), none.toString());
      assertTrue(none.json().get("detail").asText().contains("already in a job"), none.toString());
      // the request's own mistakes answer at once too; annotators may not split in either mode
      assertEquals(400, manager().badInput().post("/api/projects/" + project + "/jobs", Map.of("size", 0), "Prefer", "respond-async").status());
      assertEquals(403, annotator().post("/api/projects/" + project + "/jobs", Map.of("aspects", List.of("timing")), "Prefer", "respond-async").status());
      // without the preference the split is done in the request, as before
      ApiClient.Resp sync = manager().post("/api/projects/" + project + "/jobs", Map.of("aspects", List.of("timing")));
      assertEquals(201, sync.status(), sync.toString());
      assertTrue(sync.header("Preference-Applied").isEmpty());
      assertEquals(1, sync.json().get("jobs").size());
      assertEquals(4, sync.json().get("jobs").get(0).get("itemCount").asInt());
      assertEquals(3, listedJobs(project).size());
    }

    @Test void aSplitThatFailsPartWayLeavesNoJobInEitherMode() throws Exception {
      Path dir = tempDir("clips");
      // a real 2 s clip, then a "clip" ffprobe cannot read: its frames fail after the first is sampled
      Process ff = new ProcessBuilder("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=duration=2:size=64x48:rate=10",
          "-pix_fmt", "yuv420p", dir.resolve("a-walk.mp4").toString()).redirectErrorStream(true).start();
      String log = new String(ff.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertEquals(0, ff.waitFor(), "ffmpeg (scripts/install-test-deps): " + log);
      Files.write(dir.resolve("z-broken.mp4"), "not a video at all".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      var r = manager().post("/api/projects", Map.of("name", "broken-clips"));
      String clips = r.json().get("id").asText();
      assertEquals("done", importFolder(manager(), clips, dir).get("state").asText());
      Map<String, Object> oneClipPerJob = Map.of("size", 1, "frameRate", 3);
      ApiClient.Resp sync = manager().post("/api/projects/" + clips + "/jobs", oneClipPerJob);
      assertEquals(409, sync.status(), sync.toString());
      String detail = sync.json().get("detail").asText();
      assertTrue(detail.startsWith("frameRate: item 'z-broken"), detail);
      assertEquals(List.of(), listedJobs(clips), "the first clip's job was not kept");
      ApiClient.Resp started = splitAsync(clips, oneClipPerJob);
      assertEquals(202, started.status(), started.toString());
      JsonNode op = awaitOperation(manager(), started.json().get("operationId").asText());
      assertEquals("failed", op.get("state").asText(), op.toString());
      assertEquals(detail, op.get("error").asText(), "the operation fails with the request's message");
      assertTrue(op.get("result").isNull(), op.toString());
      assertEquals(List.of(), listedJobs(clips), "the first clip's job was not kept");
      // the same split without frames works, and makes both jobs
      ApiClient.Resp ok = splitAsync(clips, Map.of("size", 1));
      assertEquals("done", awaitOperation(manager(), ok.json().get("operationId").asText()).get("state").asText());
      assertEquals(2, listedJobs(clips).size());
    }

    @Test void twoBackgroundSplitsAtOnceMakeOneSetOfJobs() throws Exception {
      String project = ocrProject("split-race", 6);
      for (int round = 0; round < 3; round++) {
        String aspect = "aspect-" + round;
        ApiClient.Resp a = splitAsync(project, Map.of("size", 1, "aspects", List.of(aspect)));
        ApiClient.Resp b = splitAsync(project, Map.of("size", 2, "aspects", List.of(aspect)));
        assertEquals(202, a.status(), a.toString());
        JsonNode opA = awaitOperation(manager(), a.json().get("operationId").asText());
        List<JsonNode> ops = new ArrayList<>(List.of(opA));
        // the second may have found nothing left before it started: then it was refused at once
        if (b.status() == 202) ops.add(awaitOperation(manager(), b.json().get("operationId").asText()));
        else assertEquals(409, b.status(), b.toString());
        List<JsonNode> done = ops.stream().filter(o -> o.get("state").asText().equals("done")).toList();
        assertEquals(1, done.size(), "exactly one split made jobs: " + ops);
        for (JsonNode o : ops) {
          if (o != done.get(0)) assertTrue(o.get("error").asText().contains("job"), o.toString());
        }
        Set<String> items = new HashSet<>();
        int inJobs = 0;
        for (JsonNode j : manager().get("/api/projects/" + project + "/jobs").json().get("jobs")) {
          if (!aspect.equals(j.path("aspect").asText())) continue;
          for (JsonNode it : manager().get("/api/jobs/" + j.get("id").asText()).json().get("items")) {
            items.add(it.get("id").asText());
            inJobs++;
          }
        }
        assertEquals(6, items.size(), "every item is in a job of the aspect");
        assertEquals(6, inJobs, "and in only one");
      }
    }
  }
}
