package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: latency of the live check and of a save for one item with 1,000 shapes
 * (800 boxes, 200 surface polygons) under the sidewalk rule pack, over HTTP on both databases.
 * Runs only with {@code -Dtrainset.bench=true}; prints one line per database for
 * docs/benchmarks.md ("Annotate: save and check").
 */
class AnnotateCheckBenchmark {
  @Nested class OnSqlite extends Cases { OnSqlite() { super(TestDatabases.SQLITE); } }
  @Nested class OnPostgresql extends Cases { OnPostgresql() { super(TestDatabases.POSTGRESQL); } }

  static final int RUNS = 30;

  abstract static class Cases extends ServerTestBase {
    Cases(TestDatabases db) {
      super(db);
    }

    @Test void checkAndSaveOneThousandShapes() throws Exception {
      Assumptions.assumeTrue(Boolean.getBoolean("trainset.bench"), "benchmark: run with -Dtrainset.bench=true");
      var r = manager().post("/api/projects", Map.of("name", "bench", "rulePack", "aihub.sidewalk"));
      String project = r.json().get("id").asText();
      assertEquals("done", importFolder(manager(), project, Datasets.fixture("voc")).get("state").asText());
      String id = manager().get("/api/projects/" + project + "/items?limit=1").json().get("items").get(0).get("id").asText();
      ArrayNode shapes = ApiClient.JSON.createArrayNode();
      String[] labels = {"person", "car", "bench", "pole", "tree_trunk"};
      for (int i = 0; i < 800; i++) {
        shapes.addObject().put("type", "box").put("label", labels[i % labels.length])
            .put("x", (i % 40) * 25).put("y", (i / 40) * 25).put("w", 20 + i % 60).put("h", 20 + i % 50);
      }
      for (int i = 0; i < 200; i++) {
        double x = (i % 20) * 50, y = (i / 20) * 50;
        ObjectNode p = shapes.addObject().put("type", "polygon").put("label", i % 2 == 0 ? "sidewalk" : "roadway");
        p.putArray("points").add(x).add(y).add(x + 48).add(y).add(x + 48).add(y + 48).add(x).add(y + 48);
        p.putObject("attributes").put("attribute", i % 2 == 0 ? "blocks" : "normal");
      }
      List<Double> check = new ArrayList<>(), checkServer = new ArrayList<>(), save = new ArrayList<>();
      int findings = 0;
      for (int i = 0; i < RUNS + 3; i++) {
        long t0 = System.nanoTime();
        JsonNode res = manager().post("/api/items/" + id + "/check", Map.of("annotations", shapes)).json();
        double ms = (System.nanoTime() - t0) / 1e6;
        if (i >= 3) {
          check.add(ms);
          checkServer.add(res.get("millis").asDouble());
        }
        findings = res.get("findings").size();
      }
      int version = manager().get("/api/items/" + id).json().get("version").asInt();
      for (int i = 0; i < RUNS; i++) {
        long t0 = System.nanoTime();
        var s = manager().put("/api/items/" + id + "/annotations", shapes, "If-Match", Integer.toString(version));
        save.add((System.nanoTime() - t0) / 1e6);
        assertEquals(200, s.status(), s.toString());
        version = s.json().get("version").asInt();
      }
      System.out.println(String.format(Locale.ROOT,
          "BENCH annotate %s: 1000 shapes, %d findings; check p50 %.1f ms p95 %.1f ms (server %.1f / %.1f); "
              + "save p50 %.1f ms p95 %.1f ms; load %s", database, findings, pct(check, 50), pct(check, 95),
          pct(checkServer, 50), pct(checkServer, 95), pct(save, 50), pct(save, 95),
          java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim()));
    }
  }

  static double pct(List<Double> xs, int p) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.get(Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1));
  }
}
