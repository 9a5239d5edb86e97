package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Versioned annotation saves: If-Match, one 409 of two concurrent saves, history, filters. */
class ItemSaveTest {
  @Nested class OnSqlite extends Cases { OnSqlite() { super(TestDatabases.SQLITE); } }
  @Nested class OnPostgresql extends Cases { OnPostgresql() { super(TestDatabases.POSTGRESQL); } }

  abstract static class Cases extends ServerTestBase {
    String project;

    Cases(TestDatabases db) {
      super(db);
    }

    @BeforeAll void importVoc() throws Exception {
      project = newProject("voc");
      assertEquals("done", importFolder(manager(), project, Datasets.fixture("voc")).get("state").asText());
    }

    private JsonNode firstItem() {
      String id = annotator().get("/api/projects/" + project + "/items?limit=1").json().get("items").get(0).get("id").asText();
      return annotator().get("/api/items/" + id).json();
    }

    private static ArrayNode withBox(JsonNode item, String label) {
      ArrayNode anns = ((ArrayNode) item.get("annotations")).deepCopy();
      anns.addObject().put("type", "box").put("label", label).put("x", 1).put("y", 2).put("w", 3).put("h", 4);
      return anns;
    }

    @Test void twoConcurrentSavesOfOneVersionGiveOne409AndNoLostAnnotation() throws Exception {
      JsonNode item = firstItem();
      String id = item.get("id").asText();
      int version = item.get("version").asInt();
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<Future<ApiClient.Resp>> results = new ArrayList<>();
      for (String label : new String[] {"left", "right"}) {
        ApiClient client = label.equals("left") ? annotator() : manager();
        results.add(pool.submit((Callable<ApiClient.Resp>) () -> {
          go.await();
          return client.put("/api/items/" + id + "/annotations", withBox(item, label), "If-Match", "\"" + version + "\"");
        }));
      }
      go.countDown();
      List<Integer> statuses = new ArrayList<>();
      String winner = null;
      for (int i = 0; i < 2; i++) {
        ApiClient.Resp r = results.get(i).get();
        statuses.add(r.status());
        if (r.status() == 200) winner = i == 0 ? "left" : "right";
      }
      pool.shutdown();
      statuses.sort(null);
      assertEquals(List.of(200, 409), statuses);
      JsonNode now = annotator().get("/api/items/" + id).json();
      assertEquals(version + 1, now.get("version").asInt());
      JsonNode last = now.get("annotations").get(now.get("annotations").size() - 1);
      assertEquals(winner, last.get("label").asText());
      // the loser reloads and saves on top: both boxes are kept
      String loser = winner.equals("left") ? "right" : "left";
      var again = annotator().put("/api/items/" + id + "/annotations", withBox(now, loser), "If-Match", Integer.toString(version + 1));
      assertEquals(200, again.status(), again.toString());
      JsonNode fin = annotator().get("/api/items/" + id).json();
      assertEquals(item.get("annotations").size() + 2, fin.get("annotations").size());
      JsonNode versions = annotator().get("/api/items/" + id + "/versions").json().get("versions");
      assertEquals(2, versions.size());
      assertEquals(version + 2, versions.get(1).get("version").asInt());
      assertEquals("annotator", versions.get(1).get("author").asText().replace("1", ""));
      // the label filter sees the saved labels
      var page = annotator().get("/api/projects/" + project + "/items?label=" + loser).json();
      assertEquals(1, page.get("total").asInt());
    }

    @Test void savesNeedIfMatchAndValidAnnotations() {
      JsonNode item = firstItem();
      String id = item.get("id").asText();
      String v = item.get("version").asText();
      assertEquals(428, annotator().badInput().put("/api/items/" + id + "/annotations", item.get("annotations")).status());
      var noLabel = annotator().badInput().put("/api/items/" + id + "/annotations", "[{\"type\":\"box\",\"x\":1,\"y\":1,\"w\":1,\"h\":1}]", "If-Match", v);
      assertEquals(400, noLabel.status());
      assertTrue(noLabel.json().get("detail").asText().contains("label"), noLabel.toString());
      var badType = annotator().badInput().put("/api/items/" + id + "/annotations", "[{\"type\":\"hexagon\",\"label\":\"a\"}]", "If-Match", v);
      assertEquals(400, badType.status());
      var malformed = annotator().badInput().put("/api/items/" + id + "/annotations", "[{\"type\":", "If-Match", v);
      assertEquals(400, malformed.status());
      assertTrue(malformed.json().get("detail").asText().startsWith("body: malformed JSON"), malformed.toString());
      var notArray = annotator().badInput().put("/api/items/" + id + "/annotations", "{\"type\":\"box\"}", "If-Match", v);
      assertEquals(400, notArray.status());
      assertEquals(item.get("version").asInt(), annotator().get("/api/items/" + id).json().get("version").asInt(), "nothing written");
    }

    @Test void filtersBySubsetAndName() {
      var all = annotator().get("/api/projects/" + project + "/items").json();
      String name = all.get("items").get(0).get("name").asText();
      var byName = annotator().get("/api/projects/" + project + "/items?q=" + name).json();
      assertTrue(byName.get("total").asInt() >= 1);
      for (JsonNode i : byName.get("items")) assertTrue(i.get("name").asText().contains(name));
      var bad = annotator().badInput().get("/api/projects/" + project + "/items?limit=abc");
      assertEquals(400, bad.status());
      assertTrue(bad.json().get("detail").asText().startsWith("limit:"));
    }
  }
}
