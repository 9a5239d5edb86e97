package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.server.auth.Role;

/**
 * A server process killed (SIGKILL) in the middle of a large import leaves the project as it
 * was; the restarted server marks the import failed, drops its half-written items and imports
 * again normally.
 */
class KilledImportTest {
  @Nested class OnSqlite extends Cases { OnSqlite() { super(TestDatabases.SQLITE); } }
  @Nested class OnPostgresql extends Cases { OnPostgresql() { super(TestDatabases.POSTGRESQL); } }

  abstract static class Cases {
    final TestDatabases database;
    @TempDir Path tmp;

    Cases(TestDatabases database) {
      this.database = database;
    }

    @Test void killedMidImportLeavesTheProjectAsItWas() throws Exception {
      Path data = tmp.resolve("data");
      String db = database.freshUrl();
      String token;
      try (Platform p = Platform.open(data, db)) {
        var admin = p.users().add("admin1", ServerTestBase.PASSWORD, Role.ADMIN, "acme");
        token = p.sessions().newAccessToken(admin.id(), "test");
      }
      Path big = bigCvat(tmp.resolve("big"), 40_000);
      Process server = start(data, db);
      String project;
      JsonNode before;
      ApiClient api;
      try {
        api = new ApiClient(port(server)).withBearer(token);
        project = api.post("/api/projects", Map.of("name", "keep")).json().get("id").asText();
        String first = api.post("/api/projects/" + project + "/imports",
            Map.of("path", Datasets.fixture("voc").toString())).json().get("operationId").asText();
        assertEquals("done", await(api, first).get("state").asText());
        before = api.get("/api/projects/" + project + "/stats").json();
        String op = api.post("/api/projects/" + project + "/imports", Map.of("path", big.toString())).json().get("operationId").asText();
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
          JsonNode o = api.get("/api/operations/" + op).json();
          if (o.get("state").asText().equals("running") && o.get("progress").asDouble() > 0.05) break;
          assertTrue(!o.get("state").asText().equals("done"), "the import finished before it could be killed");
          assertTrue(System.currentTimeMillis() < deadline, "import did not make progress: " + o);
          Thread.sleep(20);
        }
      } finally {
        server.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback by the process
        server.waitFor();
      }
      Process again = start(data, db);
      try {
        ApiClient api2 = new ApiClient(port(again)).withBearer(token);
        assertEquals(before, api2.get("/api/projects/" + project + "/stats").json());
        assertEquals(1, api2.get("/api/projects/" + project).json().get("generation").asInt());
        try (Platform p = Platform.open(data, db)) {
          long rows = p.db().read(c -> org.trainset.server.db.Sql.count(c, "SELECT COUNT(*) FROM items"));
          assertEquals(before.get("items").asLong(), rows, "half-written items were dropped at restart");
        }
        String retry = api2.post("/api/projects/" + project + "/imports", Map.of("path", Datasets.fixture("yolo").toString()))
            .json().get("operationId").asText();
        assertEquals("done", await(api2, retry).get("state").asText());
        assertEquals(2, api2.get("/api/projects/" + project).json().get("generation").asInt());
      } finally {
        again.destroy();
        again.waitFor();
      }
    }

    private static JsonNode await(ApiClient api, String op) throws InterruptedException {
      for (int i = 0; i < 2400; i++) {
        JsonNode o = api.get("/api/operations/" + op).json();
        if (org.trainset.server.ops.Operations.terminal(o.get("state").asText())) return o;
        Thread.sleep(50);
      }
      throw new AssertionError("operation " + op + " did not end");
    }

    private static Process start(Path data, String db) throws Exception {
      String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx512m", "-cp", cp, ServerMain.class.getName(), "--data", data.toString(), "--port", "0"));
      if (db != null) cmd.addAll(List.of("--db", db));
      return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static int port(Process p) throws Exception {
      BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("listening on ")) return Integer.parseInt(line.substring(13).trim());
      }
      throw new AssertionError("server process ended before listening (exit " + p.waitFor() + ")");
    }

    /** A CVAT for-images XML with {@code images} images of three boxes each (no media files). */
    static Path bigCvat(Path dir, int images) throws Exception {
      Files.createDirectories(dir);
      Path xml = dir.resolve("annotations.xml");
      try (Writer w = Files.newBufferedWriter(xml)) {
        w.write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<annotations><version>1.1</version><meta><task><labels>"
            + "<label><name>car</name></label><label><name>person</name></label></labels></task></meta>\n");
        for (int i = 0; i < images; i++) {
          w.write("<image id=\"" + i + "\" name=\"img" + i + ".jpg\" width=\"640\" height=\"480\">");
          for (int b = 0; b < 3; b++) {
            w.write("<box label=\"" + (b == 0 ? "person" : "car") + "\" occluded=\"0\" xtl=\"" + (10 + b) + "\" ytl=\"20\" xbr=\"100\" ybr=\"200\"/>");
          }
          w.write("</image>\n");
        }
        w.write("</annotations>\n");
      }
      return dir;
    }
  }

}
