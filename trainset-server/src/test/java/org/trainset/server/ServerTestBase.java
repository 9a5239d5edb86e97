package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.trainset.server.auth.Role;

/**
 * A real server on a free port over a fresh database (SQLite or PostgreSQL, chosen by the
 * subclass) and data folder, with one user per role in organisation {@code acme} and a manager
 * of organisation {@code other}. Subclasses drive it over HTTP with {@link ApiClient}; every
 * request and response must match openapi.yaml.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServerTestBase {
  public static final String PASSWORD = "correct horse 42";

  protected final TestDatabases database;
  protected Path dataDir;
  /** The test database's URL (a second platform on the same data sees what a restarted server would). */
  protected String dbUrl;
  protected Platform platform;
  protected TrainsetServer server;
  protected ApiClient anonymous;
  protected final Map<Role, ApiClient> as = new EnumMap<>(Role.class);
  protected ApiClient outsider;
  private int violationsBefore;

  protected ServerTestBase(TestDatabases database) {
    this.database = database;
  }

  /** Limits of the server under test (tests of oversize uploads lower them). */
  protected Platform.Limits limits() {
    return Platform.Limits.DEFAULT;
  }

  /** The platform's clock (tests of expiry and reminders give a movable one). */
  protected java.time.Clock clock() {
    return java.time.Clock.systemUTC();
  }

  /** The reminder timer's settings (tests of reminder mails point it at an in-process SMTP server). */
  protected org.trainset.server.access.ReminderSettings reminderSettings() {
    return org.trainset.server.access.ReminderSettings.DEFAULT;
  }

  @BeforeAll
  void startServer() throws Exception {
    violationsBefore = ApiClient.violations().size();
    dataDir = tempDir("trainset-server-test");
    dbUrl = database.freshUrl();
    platform = Platform.open(dataDir, dbUrl, limits(), clock(), reminderSettings());
    server = new TrainsetServer(platform);
    int port = server.start("127.0.0.1", 0);
    anonymous = new ApiClient(port);
    for (Role r : Role.userRoles()) {
      var u = platform.users().add(r.key() + "1", PASSWORD, r, "acme");
      as.put(r, anonymous.withBearer(platform.sessions().newAccessToken(u.id(), "test")));
    }
    var o = platform.users().add("outsider", PASSWORD, Role.MANAGER, "other");
    outsider = anonymous.withBearer(platform.sessions().newAccessToken(o.id(), "test"));
  }

  @AfterAll
  void stopServer() throws IOException {
    if (server != null) server.close();
    if (platform != null) platform.close();
    for (Path p : tempDirs) org.trainset.core.io.AtomicOutput.deleteRecursively(p);
    List<String> mine = ApiClient.violations().subList(violationsBefore, ApiClient.violations().size());
    assertEquals(List.of(), mine, "requests/responses that do not match openapi.yaml");
  }

  private final List<Path> tempDirs = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** A temporary folder deleted when the class's server stops (test data never piles up in /tmp). */
  protected Path tempDir(String prefix) throws IOException {
    Path p = Files.createTempDirectory(prefix);
    tempDirs.add(p);
    return p;
  }

  protected ApiClient admin() { return as.get(Role.ADMIN); }
  protected ApiClient manager() { return as.get(Role.MANAGER); }
  protected ApiClient annotator() { return as.get(Role.ANNOTATOR); }

  /** Creates a project as the manager; returns its id. */
  protected String newProject(String name) {
    ApiClient.Resp r = manager().post("/api/projects", Map.of("name", name));
    assertEquals(201, r.status(), r.toString());
    return r.json().get("id").asText();
  }

  /** Uploads {@code dir} zipped as multipart field {@code file}; returns the operation's final JSON. */
  protected JsonNode importFolder(ApiClient client, String projectId, Path dir) throws IOException {
    ApiClient.Resp r = uploadArchive(client, projectId, zip(dir), "data.zip");
    assertEquals(202, r.status(), r.toString());
    return awaitOperation(client, r.json().get("operationId").asText());
  }

  protected ApiClient.Resp uploadArchive(ApiClient client, String projectId, byte[] archive, String fileName) {
    String boundary = "----trainset" + System.nanoTime();
    var body = new java.io.ByteArrayOutputStream();
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
    body.writeBytes(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    body.writeBytes(archive);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return client.send("POST", "/api/projects/" + projectId + "/imports", "multipart/form-data; boundary=" + boundary,
        body.toByteArray());
  }

  protected JsonNode awaitOperation(ApiClient client, String opId) {
    long deadline = System.currentTimeMillis() + 120_000;
    while (true) {
      ApiClient.Resp r = client.get("/api/operations/" + opId);
      assertEquals(200, r.status(), r.toString());
      String state = r.json().get("state").asText();
      if (state.equals("done") || state.equals("failed") || state.equals("cancelled")) return r.json();
      assertTrue(System.currentTimeMillis() < deadline, "operation " + opId + " still " + state);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  /** The folder as a zip (entries relative to it). */
  public static byte[] zip(Path dir) throws IOException {
    var bytes = new java.io.ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes); var files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        z.putNextEntry(new ZipEntry(dir.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, (OutputStream) z);
        z.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
