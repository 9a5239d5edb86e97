package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trainset.server.auth.Role;
import org.trainset.server.http.Route;

/**
 * Every route in openapi.yaml × every role, anonymous and a manager of another organisation:
 * the expected 401 / 403 / 404, read from the document's {@code x-roles}. The route table must
 * list exactly the documented routes with the documented roles, so a new route without a row
 * here (or a route missing from the document) fails.
 */
class AuthorisationMatrixTest {
  @Nested class OnSqlite extends Cases { OnSqlite() { super(TestDatabases.SQLITE); } }
  @Nested class OnPostgresql extends Cases { OnPostgresql() { super(TestDatabases.POSTGRESQL); } }

  /** One documented operation. */
  record Op(String method, String path, Set<String> roles) {
    String key() {
      return method + " " + path;
    }
  }

  static List<Op> documented() throws Exception {
    String yaml;
    try (InputStream in = AuthorisationMatrixTest.class.getResourceAsStream("/openapi.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    OpenAPI api = new OpenAPIV3Parser().readContents(yaml).getOpenAPI();
    List<Op> ops = new ArrayList<>();
    for (Map.Entry<String, PathItem> e : api.getPaths().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> o : e.getValue().readOperationsMap().entrySet()) {
        Object roles = o.getValue().getExtensions() == null ? null : o.getValue().getExtensions().get("x-roles");
        assertTrue(roles instanceof List<?>, o.getKey() + " " + e.getKey() + ": x-roles missing in openapi.yaml");
        ops.add(new Op(o.getKey().name(), e.getKey(), ((List<?>) roles).stream().map(Object::toString).collect(Collectors.toCollection(TreeSet::new))));
      }
    }
    return ops;
  }

  /**
   * Each area of the API (platform, annotate, review, publish, sandbox) contributes the objects
   * its routes need and, where the default is wrong, the harmless request and the expected answer.
   */
  static final List<MatrixArea> AREAS = List.of(
      new PlatformMatrixArea(),
      new AnnotateMatrixArea(),
      new AccessMatrixArea(), // before publish: it names the access templates under /api/datasets/{name}
      new SandboxMatrixArea(), // before publish: its /api/datasets/{name} paths name the sandbox dataset
      new PublishMatrixArea(),
      new ReviewMatrixArea());

  abstract static class Cases extends ServerTestBase {
    final Map<String, String> ids = new LinkedHashMap<>();

    Cases(TestDatabases db) {
      super(db);
    }

    @BeforeAll void objects() throws Exception {
      for (MatrixArea area : AREAS) ids.putAll(area.create(this));
    }

    @Test void theRouteTableIsTheDocumentedRoutesWithTheDocumentedRoles() throws Exception {
      Map<String, Set<String>> doc = new java.util.TreeMap<>();
      for (Op o : documented()) if (!o.method().equals("HEAD")) doc.put(o.key(), o.roles());
      Map<String, Set<String>> table = new java.util.TreeMap<>();
      for (Route r : server.routes().routes()) {
        table.put(r.method().name() + " " + r.openApiPath(),
            r.roles().stream().map(Role::key).collect(Collectors.toCollection(TreeSet::new)));
      }
      assertEquals(doc, table);
    }

    @Test void everyRouteTimesEveryCaller() throws Exception {
      List<String> wrong = new ArrayList<>();
      List<Op> ops = new ArrayList<>(documented());
      // every GET answers HEAD with the same rights
      for (Op o : documented()) {
        if (o.method().equals("GET") && ops.stream().noneMatch(x -> x.method().equals("HEAD") && x.path().equals(o.path()))) {
          ops.add(new Op("HEAD", o.path(), o.roles()));
        }
      }
      for (Op o : ops) {
        String path = concrete(o.path());
        Map<String, ApiClient> callers = new LinkedHashMap<>();
        callers.put("anyone", anonymous);
        for (Role r : Role.userRoles()) callers.put(r.key(), as.get(r));
        callers.put("outsider", outsider);
        for (Map.Entry<String, ApiClient> c : callers.entrySet()) {
          int status = call(c.getValue().badInput(), o, path).status();
          String expected = expected(o, c.getKey(), path);
          boolean ok = switch (expected) {
            case "allowed" -> status != 401 && status != 403 && status != 404 && status < 500;
            case "401" -> status == 401;
            case "403" -> status == 403;
            case "404" -> status == 404;
            default -> false;
          };
          if (!ok) wrong.add(o.key() + " as " + c.getKey() + ": expected " + expected + ", got " + status);
        }
      }
      assertEquals(List.of(), wrong);
    }

    private String expected(Op o, String caller, String path) {
      for (MatrixArea area : AREAS) {
        String e = area.expected(o, caller);
        if (e != null) return e;
      }
      if (o.roles().contains("anyone")) return "allowed";
      if (caller.equals("anyone")) return "401";
      String role = caller.equals("outsider") ? "manager" : caller;
      if (!o.roles().contains(role)) return "403";
      boolean objectInPath = !path.equals(o.path()) && o.path().contains("{id}");
      return caller.equals("outsider") && objectInPath ? "404" : "allowed";
    }

    private String concrete(String path) {
      for (MatrixArea area : AREAS) {
        String c = area.concrete(path, ids);
        if (c != null) return c;
      }
      for (Map.Entry<String, String> e : ids.entrySet()) {
        String prefix = e.getKey().replace("{id}", "");
        if (path.startsWith(prefix)) return path.replace("{id}", e.getValue());
      }
      return path;
    }

    /** A request that passes authorisation but does no harm (bodies invalid or versions stale on purpose). */
    private ApiClient.Resp call(ApiClient c, Op o, String path) {
      String m = o.method().toUpperCase(Locale.ROOT);
      for (MatrixArea area : AREAS) {
        ApiClient.Resp r = area.call(c, m, o.path(), path);
        if (r != null) return r;
      }
      return c.send(m, path, null, null);
    }

    @Test void mediaOfAnotherOrganisationIsUnreachableByAnyPath() {
      String item = ids.get("/api/items/{id}");
      String project = ids.get("/api/projects/{id}");
      String url = "/api/items/" + item + "/media";
      assertEquals(200, annotator().get(url).status(), "the owner's annotator can read it");
      assertEquals(404, outsider.get(url).status());
      assertEquals(404, outsider.head(url).status());
      List<String> tricks = List.of(
          "/api/items/" + item + "/media?index=..%2F..%2Ftrainset.db",
          "/api/items/..%2F..%2Ftrainset.db/media",
          "/api/items/%2e%2e%2f%2e%2e%2ftrainset.db/media",
          "/api/items/" + item + "%2F..%2F" + project + "/media",
          "/api/items/" + item + "/../../" + item + "/media",
          "/api/projects/" + project + "/../../items/" + item + "/media",
          "/media/" + item,
          "/trainset.db",
          "/assets/..%2F..%2Ftrainset.db",
          "/assets/%2e%2e/%2e%2e/trainset.db");
      for (String t : tricks) {
        var r = outsider.outsideTheApi().send("GET", t, null, null);
        boolean appPage = r.status() == 200 && r.header("Content-Type").orElse("").startsWith("text/html")
            && r.text().contains("<div id=\"app\">"); // non-API paths load the web app, never data
        assertTrue(r.status() >= 400 && r.status() < 500 || appPage, t + " as outsider gave " + r.status());
        var asOwner = annotator().outsideTheApi().send("GET", t, null, null);
        assertTrue(asOwner.status() >= 400 || !asOwner.text().startsWith("SQLite format"), t + " leaked the database");
      }
    }
  }
}
