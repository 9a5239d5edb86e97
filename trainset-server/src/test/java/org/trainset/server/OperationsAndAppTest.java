package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress events (SSE), cancellation, and the web app's files served next to the API. */
class OperationsAndAppTest {
  @Nested class OnSqlite extends Cases { OnSqlite() { super(TestDatabases.SQLITE); } }
  @Nested class OnPostgresql extends Cases { OnPostgresql() { super(TestDatabases.POSTGRESQL); } }

  abstract static class Cases extends ServerTestBase {
    @TempDir Path tmp;

    Cases(TestDatabases db) {
      super(db);
    }

    @Test void progressEventsEndWithTheFinishedOperation() throws Exception {
      String project = newProject("events");
      var r = uploadArchive(manager(), project, zip(Datasets.fixture("coco")), "coco.zip");
      String op = r.json().get("operationId").asText();
      var events = manager().get("/api/operations/" + op + "/events");
      assertEquals(200, events.status());
      assertTrue(events.header("Content-Type").orElseThrow().startsWith("text/event-stream"));
      String last = null;
      for (String line : events.text().split("\n")) if (line.startsWith("data: ")) last = line.substring(6);
      JsonNode fin = ApiClient.JSON.readTree(last);
      assertEquals("done", fin.get("state").asText(), events.text());
      assertEquals(1.0, fin.get("progress").asDouble());
      assertTrue(events.text().startsWith("event: operation\n"), events.text());
    }

    @Test void aCancelledImportLeavesTheProjectAsItWas() throws Exception {
      String project = newProject("cancel");
      assertEquals("done", importFolder(manager(), project, Datasets.fixture("voc")).get("state").asText());
      JsonNode before = manager().get("/api/projects/" + project + "/stats").json();
      Path big = KilledImportTest.Cases.bigCvat(tmp.resolve("big"), 30_000);
      String op = admin().post("/api/projects/" + project + "/imports", Map.of("path", big.toString())).json().get("operationId").asText();
      while (!manager().get("/api/operations/" + op).json().get("state").asText().equals("running")) Thread.sleep(20);
      var cancel = manager().send("POST", "/api/operations/" + op + "/cancel", null, null);
      assertEquals(202, cancel.status(), cancel.toString());
      JsonNode fin = awaitOperation(manager(), op);
      assertTrue(fin.get("state").asText().equals("cancelled") || fin.get("state").asText().equals("done"), fin.toString());
      if (fin.get("state").asText().equals("cancelled")) {
        assertEquals(before, manager().get("/api/projects/" + project + "/stats").json());
        assertEquals(1, manager().get("/api/projects/" + project).json().get("generation").asInt());
        long rows = platform.db().read(c -> org.trainset.server.db.Sql.count(c,
            "SELECT COUNT(*) FROM items WHERE project_id = ?", project));
        assertEquals(before.get("items").asLong(), rows, "the cancelled generation's rows are gone");
      }
    }

    @Test void theWebAppsFilesAreServedButNeverData() {
      var index = anonymous.outsideTheApi().get("/");
      assertEquals(200, index.status());
      assertTrue(index.text().contains("<div id=\"app\">"));
      assertEquals(200, anonymous.outsideTheApi().get("/assets/app.js").status());
      var route = anonymous.outsideTheApi().get("/projects/abc/items");
      assertEquals(200, route.status(), "the app's own routes load index.html");
      assertTrue(route.text().contains("<div id=\"app\">"));
      var api = anonymous.outsideTheApi().get("/api/nothing-here");
      assertEquals(404, api.status());
      assertEquals("not_found", api.json().get("error").asText());
      assertEquals(404, anonymous.outsideTheApi().get("/assets/missing.js").status());
      // the data folder's layout is not a URL space: /media/... is just another app route
      var media = anonymous.outsideTheApi().get("/media/00/" + "0".repeat(62));
      assertTrue(media.header("Content-Type").orElseThrow().startsWith("text/html"), media.toString());
    }
  }
}
