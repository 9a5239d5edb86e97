package org.trainset.cli.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.function.DoubleConsumer;
import org.trainset.cli.UsageException;

/**
 * The few calls the CLI makes to a trainset server, with a personal access token. Refusals
 * (401, 403, 404) are usage errors naming what the server said; other failures are I/O errors.
 */
public final class ServerClient {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final int CHUNK = 8 * 1024 * 1024;

  private final String server;
  private final String token;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  public ServerClient(String server, String token) {
    this.server = server;
    this.token = token;
  }

  /** The project named {@code name}, or null. */
  public JsonNode project(String name) throws IOException {
    for (JsonNode p : call("GET", "/api/projects", null).get("projects")) {
      if (p.get("name").asText().equals(name)) return p;
    }
    return null;
  }

  public JsonNode createProject(String name) throws IOException {
    return createProject(name, null);
  }

  /** A new project of {@code family} (null: generic); its rule pack follows the family. */
  public JsonNode createProject(String name, String family) throws IOException {
    var body = JSON.createObjectNode().put("name", name);
    if (family != null) body.put("family", family);
    return call("POST", "/api/projects", body);
  }

  /** Uploads {@code archive} in chunks (resuming from the server's offset) and returns the upload id. */
  public String upload(String projectId, Path archive, DoubleConsumer progress) throws IOException {
    long size = java.nio.file.Files.size(archive);
    JsonNode u = call("POST", "/api/projects/" + projectId + "/uploads",
        JSON.createObjectNode().put("fileName", archive.getFileName().toString()).put("size", size));
    String id = u.get("id").asText();
    long offset = u.get("offset").asLong();
    try (var ch = java.nio.channels.FileChannel.open(archive)) {
      while (offset < size) {
        int n = (int) Math.min(CHUNK, size - offset);
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(n);
        ch.read(buf, offset);
        HttpRequest req = request("/api/uploads/" + id).header("Upload-Offset", Long.toString(offset))
            .header("Content-Type", "application/offset+octet-stream")
            .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(buf.array())).build();
        JsonNode r;
        try {
          r = send(req);
        } catch (IOException e) {
          r = call("GET", "/api/uploads/" + id, null); // connection lost: ask where to go on from
        }
        offset = r.get("offset").asLong();
        progress.accept((double) offset / size);
      }
    }
    return id;
  }

  public String startImport(String projectId, String uploadId, String format) throws IOException {
    var body = JSON.createObjectNode().put("uploadId", uploadId);
    if (format != null) body.put("format", format);
    return call("POST", "/api/projects/" + projectId + "/imports", body).get("operationId").asText();
  }

  public String startExport(String projectId, String format) throws IOException {
    return call("POST", "/api/projects/" + projectId + "/exports", JSON.createObjectNode().put("format", format))
        .get("operationId").asText();
  }

  /** Waits for an operation to end, reporting progress; returns its final JSON. */
  public JsonNode await(String operationId, DoubleConsumer progress) throws IOException {
    while (true) {
      JsonNode op = call("GET", "/api/operations/" + operationId, null);
      progress.accept(op.path("progress").asDouble());
      String state = op.get("state").asText();
      if (state.equals("done") || state.equals("failed") || state.equals("cancelled")) return op;
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for operation " + operationId);
      }
    }
  }

  /** Downloads {@code path} (a server path such as an export's download) into {@code dest}. */
  public void download(String path, Path dest) throws IOException {
    HttpResponse<Path> r = sendRaw(request(path).GET().build(), HttpResponse.BodyHandlers.ofFile(dest));
    if (r.statusCode() != 200) throw refusal(r.statusCode(), java.nio.file.Files.readString(dest), path);
  }

  public JsonNode call(String method, String path, JsonNode body) throws IOException {
    HttpRequest.Builder b = request(path);
    if (body != null) b.header("Content-Type", "application/json");
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    return send(b.build());
  }

  /** Signs in with a password and makes a personal access token named {@code tokenName}. */
  public static String login(String server, String user, String password, String tokenName) throws IOException {
    ServerClient anon = new ServerClient(server, null);
    HttpRequest login = anon.request("/api/auth/login").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(JSON.createObjectNode().put("username", user).put("password", password))))
        .build();
    HttpResponse<InputStream> r = anon.sendRaw(login, HttpResponse.BodyHandlers.ofInputStream());
    JsonNode body = JSON.readTree(r.body());
    if (r.statusCode() != 200) throw refusal(r.statusCode(), body.toString(), "/api/auth/login");
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow(() -> new IOException("server sent no session cookie"));
    HttpRequest tokenReq = anon.request("/api/tokens").header("Content-Type", "application/json")
        .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).header("X-CSRF-Token", body.get("csrfToken").asText())
        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(JSON.createObjectNode().put("name", tokenName)))).build();
    return anon.send(tokenReq).get("token").asText();
  }

  /** A request to {@code path} on this server, with the token when there is one. */
  HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server + path));
    if (token != null) b.header("Authorization", "Bearer " + token);
    return b;
  }

  private JsonNode send(HttpRequest req) throws IOException {
    HttpResponse<byte[]> r = sendRaw(req, HttpResponse.BodyHandlers.ofByteArray());
    String text = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
    if (r.statusCode() >= 300) throw refusal(r.statusCode(), text, req.uri().getPath());
    return text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
  }

  /** Sends without reading the status: an unreachable server is a usage error naming it. */
  <T> HttpResponse<T> sendRaw(HttpRequest req, HttpResponse.BodyHandler<T> handler) throws IOException {
    try {
      return http.send(req, handler);
    } catch (ConnectException e) {
      throw new UsageException("cannot reach " + server + " (is 'trainset serve' running?)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static RuntimeException refusal(int status, String body, String path) throws IOException {
    String detail;
    try {
      detail = JSON.readTree(body).path("detail").asText(body);
    } catch (IOException e) {
      detail = body;
    }
    if (status == 401 || status == 403 || status == 404 || status == 409 || status == 400) {
      return new UsageException("server refused " + path + " (" + status + "): " + detail);
    }
    throw new IOException("server error on " + path + " (" + status + "): " + detail);
  }
}
