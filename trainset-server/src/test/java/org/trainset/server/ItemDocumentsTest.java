package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Reports attached to items survive an import (stored by hash), are listed in the item JSON and
 * served with the item's rights: text as UTF-8 plain text, a PDF only as a download.
 */
class ItemDocumentsTest {
  @Nested class OnSqlite extends Cases { OnSqlite() { super(TestDatabases.SQLITE); } }
  @Nested class OnPostgresql extends Cases { OnPostgresql() { super(TestDatabases.POSTGRESQL); } }

  abstract static class Cases extends ServerTestBase {
    String project;
    Path folder;
    String pid;
    byte[] pdf = "%PDF-1.4\n<html><script>alert(1)</script>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    Cases(TestDatabases db) {
      super(db);
    }

    @BeforeAll void importMedical() throws Exception {
      folder = Datasets.sample("aihub.medical", tempDir("medical"), 16);
      pid = Files.readAllLines(folder.resolve("mammography/cases.csv")).get(1).split(",")[0];
      Files.write(folder.resolve("mammography/" + pid + "/reports/referral_scan.pdf"), pdf);
      project = newProject("medical-reports");
      assertEquals("done", importFolder(manager(), project, folder).get("state").asText());
    }

    private String itemNamed(String name) {
      JsonNode page = manager().get("/api/projects/" + project + "/items?q=" + name + "&limit=1").json();
      return page.get("items").get(0).get("id").asText();
    }

    @Test void theItemListsItsReportsAndServesTextAsPlainUtf8() throws Exception {
      String id = itemNamed(pid + "_RCC");
      JsonNode docs = manager().get("/api/items/" + id).json().get("documents");
      assertEquals(3, docs.size(), docs.toString());
      JsonNode radiology = docs.get(1);
      assertEquals("radiology_report.txt", radiology.get("name").asText());
      assertEquals("radiology", radiology.get("kind").asText());
      assertEquals("report", radiology.get("role").asText());
      assertTrue(radiology.get("text").asBoolean());
      var r = manager().get(radiology.get("url").asText());
      assertEquals(200, r.status(), r.toString());
      assertEquals("text/plain; charset=utf-8", r.header("Content-Type").orElseThrow().toLowerCase(java.util.Locale.ROOT).replace(" ", "").replace(";", "; "));
      assertEquals("nosniff", r.header("X-Content-Type-Options").orElseThrow());
      assertTrue(r.header("Content-Disposition").isEmpty());
      assertArrayEquals(Files.readAllBytes(folder.resolve("mammography/" + pid + "/reports/radiology_report.txt")), r.body());
      assertTrue(r.text().contains("영상 판독 보고서"));
      // the same report is stored once for the patient's four views (by hash), and every view lists it
      String lcc = itemNamed(pid + "_LCC");
      assertEquals(r.text(), manager().get("/api/items/" + lcc + "/documents/1").text());
      // fundus photographs have none
      String fundus = itemNamed("General_");
      assertEquals(0, manager().get("/api/items/" + fundus).json().get("documents").size());
    }

    @Test void aPdfIsOnlyADownload() {
      String id = itemNamed(pid + "_LMLO");
      JsonNode scan = manager().get("/api/items/" + id).json().get("documents").get(2);
      assertEquals("application/pdf", scan.get("mediaType").asText());
      assertEquals(pdf.length, scan.get("size").asLong());
      var r = manager().get(scan.get("url").asText());
      assertEquals(200, r.status());
      assertEquals("application/octet-stream", r.header("Content-Type").orElseThrow());
      assertEquals("nosniff", r.header("X-Content-Type-Options").orElseThrow());
      assertTrue(r.header("Content-Disposition").orElseThrow().startsWith("attachment; filename=\"referral_scan.pdf\""),
          r.header("Content-Disposition").get());
      assertArrayEquals(pdf, r.body());
    }

    @Test void rightsAreTheItemsOwn() {
      String id = itemNamed(pid + "_RCC");
      String url = "/api/items/" + id + "/documents/0";
      assertEquals(404, outsider.get(url).status());
      assertEquals(401, anonymous.get(url).status());
      assertEquals(404, manager().get("/api/items/" + id + "/documents/3").status());
      assertEquals(404, manager().get("/api/items/" + id + "/documents/x").status());
      assertEquals(404, manager().outsideTheApi().get("/api/items/" + id + "/documents/..%2F..%2Ftrainset.db").status());
      assertEquals(200, annotator().get(url).status()); // items in no job open for the organisation's annotators
      // once the item is in a job that is not the annotator's, the report is closed to them as the item is
      var made = manager().post("/api/projects/" + project + "/jobs", Map.of("size", 100));
      assertEquals(201, made.status(), made.toString());
      assertEquals(403, annotator().get(url).status());
      assertEquals(403, annotator().get("/api/items/" + id).status());
      String job = made.json().get("jobs").get(0).get("id").asText();
      var assigned = manager().post("/api/jobs/" + job + "/assignee", Map.of("userId", AnnotateMatrixArea.userId(this, "annotator1")));
      assertEquals(200, assigned.status(), assigned.toString());
      assertEquals(200, annotator().get(url).status());
    }
  }
}
