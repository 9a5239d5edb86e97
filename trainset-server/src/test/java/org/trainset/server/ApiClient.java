package org.trainset.server;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real HTTP client for the tests. Every request and response goes through the OpenAPI
 * validator (swagger-request-validator) against {@code openapi.yaml}; violations are collected and
 * the tests assert there are none. Requests a test sends malformed on purpose are sent with
 * {@link #badInput()} so only the response is checked against the document.
 */
public final class ApiClient {
  public static final ObjectMapper JSON = new ObjectMapper();
  private static final OpenApiInteractionValidator VALIDATOR = validator();
  private static final List<String> VIOLATIONS = java.util.Collections.synchronizedList(new ArrayList<>());

  private final String base;
  private final HttpClient http;
  private String bearer;
  private String cookie;
  private String csrf;
  private String origin;
  private boolean badInput;
  private boolean outsideTheApi;

  public ApiClient(int port) {
    this.base = "http://127.0.0.1:" + port;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  private ApiClient(ApiClient other) {
    this.base = other.base;
    this.http = other.http;
    this.bearer = other.bearer;
    this.cookie = other.cookie;
    this.csrf = other.csrf;
    this.origin = other.origin;
  }

  /** A copy whose next requests are malformed on purpose (only responses are validated). */
  public ApiClient badInput() {
    ApiClient c = new ApiClient(this);
    c.badInput = true;
    return c;
  }

  /** A copy for requests to paths outside the documented API on purpose (path tricks): not validated. */
  public ApiClient outsideTheApi() {
    ApiClient c = new ApiClient(this);
    c.outsideTheApi = true;
    return c;
  }

  public ApiClient withBearer(String token) {
    ApiClient c = new ApiClient(this);
    c.bearer = token;
    c.cookie = null;
    c.csrf = null;
    return c;
  }

  /** A copy authenticated by session cookie, sending {@code csrfToken} (null: none) on writes. */
  public ApiClient withSession(String sessionCookie, String csrfToken) {
    ApiClient c = new ApiClient(this);
    c.bearer = null;
    c.cookie = sessionCookie;
    c.csrf = csrfToken;
    return c;
  }

  public ApiClient withOrigin(String o) {
    ApiClient c = new ApiClient(this);
    c.origin = o;
    return c;
  }

  public String base() {
    return base;
  }

  /** Signs in with a password; returns a client holding the session cookie and CSRF token. */
  public ApiClient login(String user, String password) {
    Resp r = post("/api/auth/login", Map.of("username", user, "password", password));
    if (r.status() != 200) throw new AssertionError("login " + user + ": " + r);
    String setCookie = r.header("Set-Cookie").orElseThrow();
    String session = setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    return withSession(session, r.json().get("csrfToken").asText());
  }

  public Resp get(String path, String... headers) {
    return send("GET", path, null, null, headers);
  }

  public Resp head(String path, String... headers) {
    return send("HEAD", path, null, null, headers);
  }

  public Resp post(String path, Object json, String... headers) {
    return send("POST", path, "application/json", bytes(json), headers);
  }

  public Resp put(String path, Object json, String... headers) {
    return send("PUT", path, "application/json", bytes(json), headers);
  }

  public Resp send(String method, String path, String contentType, byte[] body, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    Map<String, String> sent = new LinkedHashMap<>();
    if (bearer != null) sent.put("Authorization", "Bearer " + bearer);
    if (cookie != null) sent.put("Cookie", "trainset_session=" + cookie);
    if (csrf != null && !method.equals("GET") && !method.equals("HEAD")) sent.put("X-CSRF-Token", csrf);
    if (origin != null) sent.put("Origin", origin);
    if (contentType != null) sent.put("Content-Type", contentType);
    for (int i = 0; i + 1 < headers.length; i += 2) sent.put(headers[i], headers[i + 1]);
    sent.forEach(b::header);
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    HttpResponse<byte[]> r;
    try {
      r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    Resp resp = new Resp(r.statusCode(), r.headers().map(), r.body());
    check(method, path, sent, body, resp);
    return resp;
  }

  private void check(String method, String path, Map<String, String> headers, byte[] body, Resp resp) {
    // HEAD is GET without a body (documented once in openapi.yaml's description); its rights are in the matrix test.
    if (method.equals("HEAD") || outsideTheApi) return;
    URI uri = URI.create(base + path);
    String docPath = documentedPath(uri.getPath());
    SimpleRequest.Builder req = new SimpleRequest.Builder(method, docPath);
    if (uri.getRawQuery() != null) {
      for (String kv : uri.getRawQuery().split("&")) {
        String[] p = kv.split("=", 2);
        req.withQueryParam(java.net.URLDecoder.decode(p[0], StandardCharsets.UTF_8),
            p.length > 1 ? java.net.URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
      }
    }
    headers.forEach(req::withHeader);
    if (body != null) req.withBody(body);
    SimpleResponse.Builder res = SimpleResponse.Builder.status(resp.status());
    resp.headers().forEach((k, v) -> {
      if (k != null && !k.startsWith(":")) res.withHeader(k, v);
    });
    if (resp.body().length > 0 && !method.equals("HEAD")) res.withBody(resp.body());
    ValidationReport report = badInput
        ? VALIDATOR.validateResponse(docPath, Request.Method.valueOf(method), res.build())
        : VALIDATOR.validate(req.build(), res.build());
    if (report.hasErrors()) {
      VIOLATIONS.add(method + " " + path + " -> " + resp.status() + ": " + report.getMessages());
    }
  }

  private static final java.util.regex.Pattern RELEASE_FILE = java.util.regex.Pattern.compile("(/api/datasets/[^/]+/versions/[^/]+/files/)(.+)");

  /**
   * The path as the document's templates see it: an OpenAPI 3.0 path parameter cannot hold '/',
   * so the file path of a release download (the route's {@code <path>}) is validated as one segment.
   */
  static String documentedPath(String path) {
    var m = RELEASE_FILE.matcher(path);
    return m.matches() ? m.group(1) + m.group(2).replace("/", "%2F") : path;
  }

  /** Contract violations seen so far by any client (every test class asserts this is empty). */
  public static List<String> violations() {
    return List.copyOf(VIOLATIONS);
  }

  private static OpenApiInteractionValidator validator() {
    try (InputStream in = ApiClient.class.getResourceAsStream("/openapi.yaml")) {
      String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return OpenApiInteractionValidator.createForInlineApiSpecification(yaml)
          .withLevelResolver(LevelResolver.create()
              // Authentication is the server's job and is tested by the matrix; anonymous calls are on purpose.
              .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
              .withLevel("validation.request.security.invalid", ValidationReport.Level.IGNORE)
              .build())
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(Object json) {
    try {
      return json instanceof byte[] b ? b : json instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A response. */
  public record Resp(int status, Map<String, List<String>> headers, byte[] body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + text(), e);
      }
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public Optional<String> header(String name) {
      for (var e : headers.entrySet()) {
        if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) return Optional.of(e.getValue().get(0));
      }
      return Optional.empty();
    }

    @Override public String toString() {
      return status + " " + (body.length > 2000 ? text().substring(0, 2000) : text());
    }
  }
}
