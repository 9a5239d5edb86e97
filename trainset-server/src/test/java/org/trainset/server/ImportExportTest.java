package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.trainset.core.DatasetStats;

/** Imports of every generic format and a family sample, counted like `trainset stats`; export and re-import. */
class ImportExportTest {
  @Nested class OnSqlite extends Cases { OnSqlite() { super(TestDatabases.SQLITE); } }
  @Nested class OnPostgresql extends Cases { OnPostgresql() { super(TestDatabases.POSTGRESQL); } }

  abstract static class Cases extends ServerTestBase {
    @TempDir Path tmp;

    Cases(TestDatabases db) {
      super(db);
    }

    @ParameterizedTest
    @ValueSource(strings = {"coco", "cvat", "voc", "yolo"})
    void importedCountsEqualTheLibrarysStats(String format) throws Exception {
      Path dir = Datasets.fixture(format);
      String project = newProject("import-" + format);
      JsonNode op = importFolder(manager(), project, dir);
      assertEquals("done", op.get("state").asText(), op.toString());
      assertEquals(format, op.get("result").get("format").asText());
      DatasetStats expected = Datasets.stats(dir);
      assertEquals(expected.items(), op.get("result").get("items").asLong());
      assertEquals(expected.annotations(), op.get("result").get("annotations").asLong());
      var page = annotator().get("/api/projects/" + project + "/items?limit=1000");
      assertEquals(200, page.status(), page.toString());
      assertEquals(expected.items(), page.json().get("total").asLong());
      long annotations = 0;
      for (JsonNode i : page.json().get("items")) annotations += i.get("annotationCount").asLong();
      assertEquals(expected.annotations(), annotations);
      var stats = annotator().get("/api/projects/" + project + "/stats");
      assertEquals(200, stats.status(), stats.toString());
      assertEquals(Datasets.statsJson(dir), stats.json(), "the server's stats are trainset stats --json");
    }

    @Test void familySampleImportsWithItsMedia() throws Exception {
      Path dir = Datasets.sample("aihub.sidewalk", tmp.resolve("sidewalk"), 6, true);
      String project = newProject("sidewalk");
      JsonNode op = importFolder(manager(), project, dir);
      assertEquals("done", op.get("state").asText(), op.toString());
      assertEquals("aihub.sidewalk", op.get("result").get("format").asText());
      DatasetStats expected = Datasets.stats(dir);
      assertEquals(expected.items(), op.get("result").get("items").asLong());
      assertEquals(expected.annotations(), op.get("result").get("annotations").asLong());
      assertTrue(op.get("result").get("mediaFiles").asLong() > 0, op.toString());
      assertEquals(Datasets.statsJson(dir), annotator().get("/api/projects/" + project + "/stats").json());
      // the family's rule pack over the project finds what trainset inspect finds in the files
      var findings = annotator().get("/api/projects/" + project + "/findings?limit=10000");
      assertEquals(200, findings.status(), findings.toString());
      var expectedFindings = Datasets.findingsJson(dir, 10000);
      assertTrue(expectedFindings.get("findings").asLong() > 0, "the sample has planted defects");
      assertEquals(expectedFindings.get("findings"), findings.json().get("findings"));
      assertEquals(expectedFindings.get("byRule"), findings.json().get("byRule"));
      assertEquals(expectedFindings.get("pack"), findings.json().get("pack"));
      // an item and its first media file, whole and in part
      var page = annotator().get("/api/projects/" + project + "/items?limit=5").json();
      String itemId = page.get("items").get(0).get("id").asText();
      var item = annotator().get("/api/items/" + itemId);
      assertEquals(200, item.status());
      String url = item.json().get("media").get(0).get("url").asText();
      var whole = annotator().get(url);
      assertEquals(200, whole.status());
      String etag = whole.header("ETag").orElseThrow();
      assertEquals(whole.body().length, Long.parseLong(whole.header("Content-Length").orElseThrow()));
      var part = annotator().get(url, "Range", "bytes=0-9", "If-Range", etag);
      assertEquals(206, part.status());
      assertEquals(10, part.body().length);
      assertEquals("bytes 0-9/" + whole.body().length, part.header("Content-Range").orElseThrow());
      var stale = annotator().get(url, "Range", "bytes=0-9", "If-Range", "\"stale\"");
      assertEquals(200, stale.status());
      var beyond = annotator().get(url, "Range", "bytes=" + whole.body().length + "-");
      assertEquals(416, beyond.status());
      assertEquals("bytes */" + whole.body().length, beyond.header("Content-Range").orElseThrow());
      assertEquals(304, annotator().get(url, "If-None-Match", etag).status());
      var head = annotator().head(url);
      assertEquals(200, head.status());
      assertEquals(0, head.body().length);
    }

    @Test void exportThenReimportIsEqualExceptTheDeclaredLoss() throws Exception {
      Path dir = Datasets.fixture("coco");
      String project = newProject("roundtrip");
      assertEquals("done", importFolder(manager(), project, dir).get("state").asText());
      for (String to : new String[] {"trainset", "cvat", "yolo"}) {
        var started = manager().post("/api/projects/" + project + "/exports", Map.of("format", to));
        assertEquals(202, started.status(), started.toString());
        JsonNode op = awaitOperation(manager(), started.json().get("operationId").asText());
        assertEquals("done", op.get("state").asText(), op.toString());
        var zip = manager().get(op.get("result").get("download").asText());
        assertEquals(200, zip.status());
        Path archive = Files.write(tmp.resolve(to + ".zip"), zip.body());
        String back = newProject("back-" + to);
        var r = uploadArchive(manager(), back, Files.readAllBytes(archive), to + ".zip");
        JsonNode again = awaitOperation(manager(), r.json().get("operationId").asText());
        assertEquals("done", again.get("state").asText(), again.toString());
        long lostAnnotations = op.get("result").get("annotations").asLong() - again.get("result").get("annotations").asLong();
        boolean lossless = op.get("result").get("lossless").asBoolean();
        assertEquals(op.get("result").get("items").asLong(), again.get("result").get("items").asLong(), to + ": " + op + " / " + again);
        if (lossless) assertEquals(0, lostAnnotations, to + ": lossless export lost annotations");
        else assertTrue(op.get("result").get("loss").asText().length() > 0, to + ": loss must be declared");
        JsonNode losses = op.get("result").get("losses");
        assertEquals(lossless, losses.isEmpty(), to + ": structured losses " + losses);
        for (JsonNode e : losses) {
          assertTrue(e.get("kind").asText().matches("dropped|changed|approximated") && e.get("count").asLong() > 0
              && e.get("message").asText().startsWith(e.get("kind").asText() + " " + e.get("count").asLong() + " × "), e.toString());
        }
        if (to.equals("trainset")) {
          assertTrue(lossless, "the native format holds everything");
          assertEquals(op.get("result").get("annotations").asLong(), again.get("result").get("annotations").asLong());
        }
      }
    }
  }
}
