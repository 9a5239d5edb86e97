package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trainset.server.auth.Role;
import org.trainset.server.sandbox.SandboxLimits;

/**
 * The seed's case over HTTP: a company's training script runs on a face sandbox dataset, its
 * model passes checking, a reviewer approves it and the company downloads it; the raw images
 * never leave. Also recipes, small counts approved with changes, and what checkers may not do.
 * Hostile scripts are in {@link SandboxHostileTest}.
 */
class SandboxJobsTest {
  @Nested class OnSqlite extends Cases { OnSqlite() { super(TestDatabases.SQLITE); } }
  @Nested class OnPostgresql extends Cases { OnPostgresql() { super(TestDatabases.POSTGRESQL); } }

  static final SandboxLimits TEST_LIMITS = new SandboxLimits(20, 1L << 30, 64, 30, 4L << 20, 100, 256 * 1024, 10);

  static final String TRAIN = """
      import glob, json
      import numpy as np
      from sklearn.linear_model import LogisticRegression
      X, y = [], []
      for part in sorted(glob.glob("/data/data/trainset/items/*.jsonl")):
          for line in open(part, encoding="utf-8"):
              item = json.loads(line)
              w, h = item["media"][0]["width"], item["media"][0]["height"]
              pts = next(a for a in item["annotations"] if a["type"] == "points")["points"]
              X.append([v / (w if i % 2 == 0 else h) for i, v in enumerate(pts)])
              y.append(1 if item["attributes"]["gender"] == "female" else 0)
      model = LogisticRegression(max_iter=1000).fit(np.array(X), np.array(y))
      acc = float(model.score(np.array(X), np.array(y)))
      print("trained a logistic regression on face landmarks, training accuracy %.3f" % acc)
      json.dump({"kind": "logistic-regression", "input": "14 landmark coordinates / image size", "positive": "female",
                 "coef": model.coef_[0].tolist(), "intercept": float(model.intercept_[0]), "trainAccuracy": acc},
                open("/out/model.json", "w"), indent=1)
      """;

  abstract static class Cases extends ServerTestBase {

    Cases(TestDatabases db) {
      super(db);
    }

    @BeforeAll void datasets() throws Exception {
      SandboxFixture.publish(this, "faces", 24, company());
      platform.sandbox().useLimits(TEST_LIMITS);
    }

    ApiClient company() {
      return as.get(Role.DATAUSER);
    }

    ApiClient reviewer() {
      return as.get(Role.REVIEWER);
    }

    @Test void theSeedsCaseATrainedModelLeavesAndTheImagesDoNot() throws Exception {
      assertTrue(platform.sandbox().isolation().available(), platform.sandbox().isolation().reason());
      String job = SandboxSupport.python(company(), "faces", TRAIN);
      JsonNode done = SandboxSupport.await(company(), job);
      assertEquals("done", done.get("state").asText(), done.toString());
      List<String> log = SandboxSupport.log(company(), job);
      assertTrue(log.stream().anyMatch(l -> l.startsWith("trained a logistic regression")), log.toString());
      JsonNode model = SandboxSupport.output(company(), job, "model.json");
      assertEquals("json", model.get("fileType").asText());
      assertEquals(0, model.get("checks").size(), model.toString());
      assertEquals("quarantined", model.get("state").asText());
      String out = model.get("id").asText();
      // quarantined: the company cannot take it yet; the output is in the reviewer's queue
      assertEquals(403, company().get("/api/sandbox-outputs/" + out + "/download").status());
      assertTrue(queueIds(reviewer()).contains(out));
      assertFalse(queueIds(outsider).contains(out), "another organisation's manager does not check it");
      // the company may not judge its own output, nor may an annotator of the same organisation see it
      assertEquals(403, company().post("/api/sandbox-outputs/" + out + "/decision", Map.of("decision", "approve")).status());
      assertEquals(404, annotator().get("/api/sandbox-jobs/" + job).status());
      ApiClient.Resp decided = reviewer().post("/api/sandbox-outputs/" + out + "/decision", Map.of("decision", "approve"));
      assertEquals(200, decided.status(), decided.toString());
      assertEquals("approved", decided.json().get("state").asText());
      assertEquals(409, reviewer().post("/api/sandbox-outputs/" + out + "/decision", Map.of("decision", "reject", "reason", "late")).status());
      ApiClient.Resp dl = company().get("/api/sandbox-outputs/" + out + "/download");
      assertEquals(200, dl.status());
      assertTrue(dl.header("Content-Disposition").orElse("").startsWith("attachment"));
      assertEquals("nosniff", dl.header("X-Content-Type-Options").orElse(""));
      JsonNode m = ApiClient.JSON.readTree(dl.body());
      assertEquals(14, m.get("coef").size());
      assertEquals(model.get("sha256").asText(), org.trainset.server.Ids.sha256Hex(dl.body()));
      assertEquals(404, outsider.get("/api/sandbox-outputs/" + out + "/download").status());
      // nothing else left the job: the only output is the model, and no file of the release is reachable
      assertEquals(1, SandboxSupport.outputs(company(), job).size());
      List<String> actions = platform.audit().page(0, 10_000).stream().map(s -> s.entry().action() + " " + s.entry().objectId()).toList();
      assertTrue(actions.contains("sandbox.job.submit " + job), actions.toString());
      assertTrue(actions.contains("sandbox.job.finish " + job));
      assertTrue(actions.contains("sandbox.output.decide " + out));
      assertTrue(actions.contains("sandbox.output.download " + out));
      assertEquals(List.of(), platform.audit().verify());
    }

    @Test void aJarRunsOnTheHostsJava() throws Exception {
      Path src = tempDir("sandbox-jar");
      Files.writeString(src.resolve("Count.java"), """
          import java.nio.file.*;
          public class Count {
            public static void main(String[] args) throws Exception {
              long n;
              try (var lines = Files.lines(Path.of("/data/data/trainset/items/part-00000.jsonl"))) { n = lines.count(); }
              Files.writeString(Path.of("/out/summary.json"), "{\\"items\\": " + n + "}");
              System.out.println("counted " + n + " items with " + args[0]);
            }
          }
          """);
      assertEquals(0, javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", src.toString(),
          src.resolve("Count.java").toString()));
      var jar = new java.io.ByteArrayOutputStream();
      var manifest = new java.util.jar.Manifest();
      manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
      manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MAIN_CLASS, "Count");
      try (var out = new java.util.jar.JarOutputStream(jar, manifest)) {
        out.putNextEntry(new java.util.jar.JarEntry("Count.class"));
        out.write(Files.readAllBytes(src.resolve("Count.class")));
        out.closeEntry();
      }
      ApiClient.Resp r = SandboxSupport.submit(company(), "faces", Map.of("version", "1.0.0", "runtime", "jar", "args", List.of("java")),
          "file", "count.jar", jar.toByteArray());
      assertEquals(202, r.status(), r.toString());
      String job = r.json().get("id").asText();
      JsonNode done = SandboxSupport.await(company(), job);
      List<String> log = SandboxSupport.log(company(), job);
      assertEquals("done", done.get("state").asText(), done + "\n" + log);
      assertTrue(log.contains("counted 24 items with java"), log.toString());
      JsonNode summary = SandboxSupport.output(company(), job, "summary.json");
      assertEquals(0, summary.get("checks").size(), summary.toString());
    }

    @Test void smallCountsAreFlaggedAndApprovedWithRoundedChanges() {
      String job = SandboxSupport.python(company(), "faces", """
          import glob, json, collections
          c = collections.Counter()
          for part in glob.glob("/data/data/trainset/items/*.jsonl"):
              for line in open(part):
                  it = json.loads(line)
                  c[(it["attributes"]["gender"], it["attributes"]["camera"])] += 1
          with open("/out/table.csv", "w") as f:
              f.write("gender,camera,count\\n")
              for (g, a), n in sorted(c.items()):
                  f.write("%s,%s,%d\\n" % (g, a, n))
          """);
      assertEquals("done", SandboxSupport.await(company(), job).get("state").asText());
      JsonNode table = SandboxSupport.output(company(), job, "table.csv");
      assertFalse(table.get("blocked").asBoolean());
      assertEquals("small-count", table.get("checks").get(0).get("check").asText(), table.toString());
      String out = table.get("id").asText();
      assertEquals(400, reviewer().post("/api/sandbox-outputs/" + out + "/decision", Map.of("decision", "approve-with-changes")).status(),
          "a reason is required");
      String rounded = "gender,camera,count\nfemale,all,10\nmale,all,10\n";
      ApiClient.Resp r = reviewer().post("/api/sandbox-outputs/" + out + "/decision",
          Map.of("decision", "approve-with-changes", "reason", "counts below 10 merged and rounded", "replacement", rounded));
      assertEquals(200, r.status(), r.toString());
      assertEquals("approved-with-changes", r.json().get("state").asText());
      ApiClient.Resp dl = company().get("/api/sandbox-outputs/" + out + "/download");
      assertEquals(rounded, dl.text());
    }

    @Test void recipeStatsRunsWithoutAScriptAndIsCheckedToo() {
      ApiClient.Resp r = company().post("/api/datasets/faces/sandbox-jobs", Map.of("version", "1.0.0", "recipe", "stats"));
      assertEquals(202, r.status(), r.toString());
      String job = r.json().get("id").asText();
      assertEquals("done", SandboxSupport.await(company(), job).get("state").asText());
      JsonNode result = SandboxSupport.output(company(), job, "result.json");
      assertEquals("quarantined", result.get("state").asText());
      String out = result.get("id").asText();
      assertEquals(200, reviewer().post("/api/sandbox-outputs/" + out + "/decision", Map.of("decision", "approve")).status());
      JsonNode stats = company().get("/api/sandbox-outputs/" + out + "/download").json();
      assertEquals(24, stats.get("result").get("items").asLong());
      assertEquals("stats", stats.get("recipe").asText());
      ApiClient.Resp bad = company().post("/api/datasets/faces/sandbox-jobs", Map.of("version", "1.0.0", "recipe", "eval-classify"));
      assertEquals(400, bad.status());
      assertTrue(bad.json().get("detail").asText().startsWith("predictions:"), bad.toString());
    }

    @Test void onlyGrantedUsersSubmitAndRefusalsNameTheField() {
      assertEquals(403, annotator().post("/api/datasets/faces/sandbox-jobs", Map.of("version", "1.0.0", "recipe", "stats")).status());
      assertEquals(404, company().post("/api/datasets/nope/sandbox-jobs", Map.of("version", "1.0.0", "recipe", "stats")).status());
      ApiClient.Resp r = SandboxSupport.submit(company(), "faces", Map.of("version", "1.0.0", "runtime", "perl"), "file", "x.pl", new byte[] {'1'});
      assertEquals(400, r.status());
      assertTrue(r.json().get("detail").asText().startsWith("runtime:"), r.toString());
    }

    @Test void theSandboxDatasetsFilesAreUnreachableByAnyDownloadRoute() throws Exception {
      Path release = platform.releases().releaseDir("faces", "1.0.0").orElseThrow();
      String image;
      try (var s = Files.walk(release)) {
        image = release.relativize(s.filter(p -> p.toString().endsWith(".jpg")).sorted().findFirst().orElseThrow()).toString();
      }
      for (ApiClient c : List.of(company(), manager(), admin(), reviewer(), anonymous)) {
        for (String path : List.of("/api/datasets/faces/versions/1.0.0/files/" + image, "/api/datasets/faces/versions/1.0.0/files/manifest.json",
            "/api/datasets/faces/versions/1.0.0/archive")) {
          int status = c.outsideTheApi().get(path).status(); // a file path of several segments: not matched by the validator
          assertTrue(status == 401 || status == 403, path + " gave " + status);
        }
      }
    }

    @Test void withoutIsolationScriptsAreRefusedAndRecipesStillRun() {
      var real = platform.sandbox().isolation();
      platform.sandbox().useIsolation(new org.trainset.server.sandbox.Isolation.Status(false, "/usr/bin/bwrap is missing"));
      try {
        ApiClient.Resp r = SandboxSupport.submit(company(), "faces", Map.of("version", "1.0.0", "runtime", "python"), "file", "x.py",
            "print(1)".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(409, r.status());
        assertTrue(r.json().get("detail").asText().contains("/usr/bin/bwrap is missing"), r.toString());
        assertFalse(company().get("/api/sandbox").json().get("scripts").asBoolean());
        assertEquals(202, company().post("/api/datasets/faces/sandbox-jobs", Map.of("version", "1.0.0", "recipe", "stats")).status());
      } finally {
        platform.sandbox().useIsolation(real);
      }
    }

    List<String> queueIds(ApiClient c) {
      ApiClient.Resp r = c.get("/api/sandbox-queue");
      assertEquals(200, r.status(), r.toString());
      List<String> ids = new java.util.ArrayList<>();
      r.json().forEach(o -> ids.add(o.get("id").asText()));
      return ids;
    }
  }

  static String userId(Platform p, String username) {
    return p.db().read(c -> org.trainset.server.db.Sql.one(c, "SELECT id FROM users WHERE username = ?", rs -> rs.getString(1), username)).orElseThrow();
  }

  static String orgId(Platform p, String name) {
    return p.db().read(c -> org.trainset.server.db.Sql.one(c, "SELECT id FROM orgs WHERE name = ?", rs -> rs.getString(1), name)).orElseThrow();
  }

  static byte[] bytes(Path p) throws java.io.IOException {
    return Files.readAllBytes(p);
  }

  static void same(byte[] a, byte[] b) {
    assertArrayEquals(a, b);
  }
}
