package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trainset.server.ops.Archives;

/**
 * Bad input: malformed JSON, wrong types, oversize uploads, zip-slip, XXE in a CVAT file, a
 * broken dataset: each gets a clear 4xx (or a failed operation naming the problem) and the
 * project keeps what it had.
 */
class BadInputTest {
  @Nested class OnSqlite extends Cases { OnSqlite() { super(TestDatabases.SQLITE); } }
  @Nested class OnPostgresql extends Cases { OnPostgresql() { super(TestDatabases.POSTGRESQL); } }

  abstract static class Cases extends ServerTestBase {
    static final long LIMIT = 256 * 1024;
    String project;
    JsonNode before;

    Cases(TestDatabases db) {
      super(db);
    }

    @Override protected Platform.Limits limits() {
      return new Platform.Limits(LIMIT, new Archives.Limits(1024 * 1024, 1000));
    }

    @BeforeAll void importVoc() throws Exception {
      project = newProject("keep-me");
      assertEquals("done", importFolder(manager(), project, Datasets.fixture("voc")).get("state").asText());
      before = stats();
    }

    private JsonNode stats() {
      return manager().get("/api/projects/" + project + "/stats").json();
    }

    private void unchanged() {
      assertEquals(before, stats(), "the project must keep its items");
      assertEquals(1, manager().get("/api/projects/" + project).json().get("generation").asInt());
    }

    @Test void malformedJsonAndWrongTypesNameTheField() {
      var r = manager().badInput().post("/api/projects", "{\"name\": ");
      assertEquals(400, r.status());
      assertTrue(r.json().get("detail").asText().startsWith("body: malformed JSON at line 1"), r.toString());
      r = manager().badInput().post("/api/projects", Map.of("name", 42));
      assertEquals(400, r.status());
      assertEquals("name: expected a string, got number", r.json().get("detail").asText());
      r = manager().badInput().post("/api/projects", Map.of("title", "x"));
      assertEquals("name: required", r.json().get("detail").asText());
      r = manager().badInput().send("POST", "/api/projects", "text/plain", "name=x".getBytes(StandardCharsets.UTF_8));
      assertEquals(415, r.status());
      r = manager().badInput().post("/api/projects/" + project + "/exports", Map.of("format", "no-such-format"));
      assertEquals(400, r.status());
      assertTrue(r.json().get("detail").asText().startsWith("format:"));
      r = manager().badInput().post("/api/projects/" + project + "/uploads", Map.of("fileName", "a.zip", "size", "big"));
      assertEquals("size: required integer", r.json().get("detail").asText());
      assertEquals("error", r.json().fieldNames().next());
    }

    @Test void oversizeUploadsAreRefusedAndNothingIsKept() throws Exception {
      byte[] big = new byte[(int) LIMIT + 4096];
      var r = uploadArchive(manager().badInput(), project, big, "big.zip");
      assertEquals(413, r.status(), r.toString());
      var declared = manager().badInput().post("/api/projects/" + project + "/uploads", Map.of("fileName", "big.zip", "size", LIMIT + 1));
      assertEquals(413, declared.status());
      try (var s = Files.list(dataDir.resolve("uploads"))) {
        assertEquals(0, s.filter(f -> f.getFileName().toString().startsWith("archive")).count(), "no partial archive left");
      }
      unchanged();
    }

    @Test void zipSlipFailsTheImportAndWritesNothingOutside() throws Exception {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ZipOutputStream z = new ZipOutputStream(bytes)) {
        z.putNextEntry(new ZipEntry("../../escaped.txt"));
        z.write("pwned".getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
      var r = uploadArchive(manager(), project, bytes.toByteArray(), "slip.zip");
      assertEquals(202, r.status());
      JsonNode op = awaitOperation(manager(), r.json().get("operationId").asText());
      assertEquals("failed", op.get("state").asText());
      assertTrue(op.get("error").asText().contains("outside"), op.toString());
      try (var s = Files.walk(dataDir)) {
        assertEquals(0, s.filter(f -> f.getFileName().toString().equals("escaped.txt")).count());
      }
      assertTrue(!Files.exists(dataDir.getParent().resolve("escaped.txt")));
      unchanged();
    }

    @Test void xxeInAnUploadedCvatFileIsRefused() throws Exception {
      Path secret = Files.writeString(dataDir.resolve("secret.txt"), "TOP-SECRET");
      String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE annotations [<!ENTITY x SYSTEM \"file://" + secret + "\">]>\n"
          + "<annotations><version>1.1</version><meta><task><labels><label><name>&x;</name></label></labels></task></meta>"
          + "<image id=\"0\" name=\"a.jpg\" width=\"10\" height=\"10\"><box label=\"&x;\" xtl=\"1\" ytl=\"1\" xbr=\"2\" ybr=\"2\" occluded=\"0\"/></image>"
          + "</annotations>\n";
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ZipOutputStream z = new ZipOutputStream(bytes)) {
        z.putNextEntry(new ZipEntry("annotations.xml"));
        z.write(xml.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
      var r = uploadArchive(manager(), project, bytes.toByteArray(), "xxe.zip");
      JsonNode op = awaitOperation(manager(), r.json().get("operationId").asText());
      assertEquals("failed", op.get("state").asText(), op.toString());
      assertTrue(op.get("error").asText().toLowerCase().contains("doctype"), op.toString());
      assertTrue(!stats().toString().contains("TOP-SECRET"));
      unchanged();
    }

    @Test void aBrokenDatasetFailsTheImportAndNamesTheFile() throws Exception {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ZipOutputStream z = new ZipOutputStream(bytes)) {
        byte[] real = Files.readAllBytes(Datasets.fixture("coco").resolve("annotations/instances_val.json"));
        z.putNextEntry(new ZipEntry("annotations/instances_default.json"));
        z.write(java.util.Arrays.copyOf(real, real.length * 2 / 3)); // cut off mid-document
        z.closeEntry();
      }
      var r = uploadArchive(manager(), project, bytes.toByteArray(), "broken.zip");
      var formatted = manager().badInput();
      JsonNode op = awaitOperation(formatted, r.json().get("operationId").asText());
      assertEquals("failed", op.get("state").asText(), op.toString());
      assertTrue(op.get("error").asText().contains("instances_default.json"), op.toString());
      unchanged();
    }

    @Test void resumableUploadGoesOnFromTheOffsetAndImports() throws Exception {
      byte[] zip = zip(Datasets.fixture("yolo"));
      String other = newProject("resumable");
      var u = manager().post("/api/projects/" + other + "/uploads", Map.of("fileName", "yolo.zip", "size", zip.length));
      assertEquals(201, u.status(), u.toString());
      String id = u.json().get("id").asText();
      int half = zip.length / 2;
      var first = manager().send("PATCH", "/api/uploads/" + id, "application/offset+octet-stream",
          java.util.Arrays.copyOfRange(zip, 0, half), "Upload-Offset", "0");
      assertEquals(half, first.json().get("offset").asInt());
      // a client that lost the answer resends from 0: refused, nothing appended
      var stale = manager().badInput().send("PATCH", "/api/uploads/" + id, "application/offset+octet-stream",
          java.util.Arrays.copyOfRange(zip, 0, half), "Upload-Offset", "0");
      assertEquals(409, stale.status());
      assertEquals(half, manager().get("/api/uploads/" + id).json().get("offset").asInt());
      var rest = manager().send("PATCH", "/api/uploads/" + id, "application/offset+octet-stream",
          java.util.Arrays.copyOfRange(zip, half, zip.length), "Upload-Offset", Integer.toString(half));
      assertEquals(zip.length, rest.json().get("offset").asInt());
      assertEquals(Ids.sha256Hex(zip), rest.json().get("sha256").asText());
      var started = manager().post("/api/projects/" + other + "/imports", Map.of("uploadId", id));
      assertEquals(202, started.status(), started.toString());
      JsonNode op = awaitOperation(manager(), started.json().get("operationId").asText());
      assertEquals("done", op.get("state").asText(), op.toString());
      assertEquals(Datasets.statsJson(Datasets.fixture("yolo")), manager().get("/api/projects/" + other + "/stats").json());
    }

    @Test void serverPathsAreForAdminsOnly() {
      String path = Datasets.fixture("voc").toString();
      var r = manager().post("/api/projects/" + project + "/imports", Map.of("path", path));
      assertEquals(403, r.status());
      var relative = admin().badInput().post("/api/projects/" + project + "/imports", Map.of("path", "voc"));
      assertEquals(400, relative.status());
      assertEquals("path: must be absolute", relative.json().get("detail").asText());
      unchanged();
    }
  }
}
