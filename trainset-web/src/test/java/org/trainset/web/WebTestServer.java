package org.trainset.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.trainset.server.Platform;
import org.trainset.server.TrainsetServer;
import org.trainset.server.auth.Role;

/**
 * A real trainset server for browser tests: embedded SQLite in a temporary data folder, started
 * on a free loopback port, with the web app from this module's classes (classpath web/). Setup
 * (users, projects, imports) goes through the same HTTP API the app uses.
 */
final class WebTestServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  final Path dataDir;
  private final Platform platform;
  private final TrainsetServer server;
  final String baseUrl;

  WebTestServer() throws IOException {
    dataDir = Files.createTempDirectory("trainset-web-test");
    platform = Platform.open(dataDir.resolve("data"), null);
    server = new TrainsetServer(platform);
    int port = server.start("127.0.0.1", 0);
    baseUrl = "http://127.0.0.1:" + port;
  }

  void addUser(String name, String password, Role role, String org) {
    platform.users().add(name, password, role, org);
  }

  /** The platform behind the server (tests publish work events the way the jobs stage does). */
  Platform platform() {
    return platform;
  }

  /** A cookie-session client signed in as {@code user}, sending CSRF token and Origin on writes. */
  Client login(String user, String password) throws IOException, InterruptedException {
    Client c = new Client();
    ObjectNode body = JSON.createObjectNode().put("username", user).put("password", password);
    JsonNode r = c.send("POST", "/api/auth/login", body, 200);
    c.csrf = r.path("csrfToken").asText();
    return c;
  }

  final class Client {
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .connectTimeout(Duration.ofSeconds(10)).build();
    private String csrf;

    JsonNode send(String method, String path, JsonNode body, int expectedStatus) throws IOException, InterruptedException {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(120))
          .header("Accept", "application/json").header("Origin", baseUrl);
      if (csrf != null) b.header("X-CSRF-Token", csrf);
      if (body != null) {
        b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      } else {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      }
      HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (res.statusCode() != expectedStatus) {
        throw new AssertionError(method + " " + path + " answered " + res.statusCode() + ": " + res.body());
      }
      return res.body().isEmpty() ? JSON.nullNode() : JSON.readTree(res.body());
    }

    JsonNode get(String path) throws IOException, InterruptedException {
      return send("GET", path, null, 200);
    }

    /** Creates a project and imports the dataset at {@code dataset} (a server-side path; admins only). */
    String createProjectWithData(String name, String family, String rulePack, Path dataset)
        throws IOException, InterruptedException {
      ObjectNode p = JSON.createObjectNode().put("name", name);
      if (family != null) p.put("family", family);
      if (rulePack != null) p.put("rulePack", rulePack);
      String id = send("POST", "/api/projects", p, 201).path("id").asText();
      ObjectNode imp = JSON.createObjectNode().put("path", dataset.toAbsolutePath().toString());
      String op = send("POST", "/api/projects/" + id + "/imports", imp, 202).path("operationId").asText();
      awaitDone(op, Duration.ofMinutes(40));
      return id;
    }

    JsonNode awaitDone(String operationId, Duration timeout) throws IOException, InterruptedException {
      long end = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < end) {
        JsonNode o = get("/api/operations/" + operationId);
        String state = o.path("state").asText();
        if (state.equals("done")) return o;
        if (state.equals("failed") || state.equals("cancelled")) throw new AssertionError("operation " + state + ": " + o);
        Thread.sleep(100);
      }
      throw new AssertionError("operation " + operationId + " did not finish in " + timeout);
    }
  }

  @Override public void close() throws IOException {
    server.close();
    platform.close();
    try (Stream<Path> s = Files.walk(dataDir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
