package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The access routes of issue 13: a gated dataset of organisation acme, a request of acme's data
 * user (approved: they hold a grant) with a document, and another grant to revoke.
 */
final class AccessMatrixArea implements MatrixArea {
  static final String DATASET = "access-matrix";
  private static final Set<String> DECIDERS = Set.of("admin", "manager", "reviewer");
  private String request, document, file;

  @Override public Map<String, String> create(ServerTestBase t) throws Exception {
    Path dir = AccessFixtures.publish(t, DATASET);
    file = AccessFixtures.someFile(dir);
    assertEquals(200, t.manager().put("/api/datasets/" + DATASET + "/access", Map.of("mode", "gated")).status());
    ApiClient applicant = t.as.get(org.trainset.server.auth.Role.DATAUSER);
    var r = applicant.post("/api/datasets/" + DATASET + "/access-requests", Map.of("purpose", "matrix"));
    assertEquals(201, r.status(), r.toString());
    request = r.json().get("id").asText();
    var d = applicant.send("POST", "/api/access-requests/" + request + "/documents", "application/pdf", AccessFixtures.PDF);
    assertEquals(201, d.status(), d.toString());
    document = d.json().get("id").asText();
    assertEquals(200, t.manager().post("/api/access-requests/" + request + "/decision",
        Map.of("decision", "approve", "expiresAt", "2099-01-01")).status());
    ApiClient grantee = AccessFixtures.user(t, "matrix-grantee", "mx");
    var other = grantee.post("/api/datasets/" + DATASET + "/access-requests", Map.of("purpose", "to be revoked"));
    var approved = t.manager().post("/api/access-requests/" + other.json().get("id").asText() + "/decision",
        Map.of("decision", "approve", "expiresAt", "2099-01-01"));
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("/api/access-requests/{id}", request);
    ids.put("/api/grants/{id}", approved.json().get("grant").get("id").asText());
    return ids;
  }

  @Override public String concrete(String template, Map<String, String> ids) {
    String base = "/api/datasets/" + DATASET;
    return switch (template) {
      case "/api/datasets/{name}/access" -> base + "/access";
      case "/api/datasets/{name}/access-requests" -> base + "/access-requests";
      case "/api/datasets/{name}/versions/{v}/files/{path}" -> base + "/versions/" + AccessFixtures.VERSION + "/files/" + file;
      case "/api/datasets/{name}/versions/{v}/archive" -> base + "/versions/" + AccessFixtures.VERSION + "/archive";
      case "/api/access-requests/{id}/documents/{documentId}" -> "/api/access-requests/" + request + "/documents/" + document;
      default -> null;
    };
  }

  @Override public ApiClient.Resp call(ApiClient c, String m, String template, String path) {
    if (!m.equals("POST") && !m.equals("PUT")) return null;
    return switch (template) {
      case "/api/datasets/{name}/access" -> c.put(path, Map.of("mode", "gated"));
      case "/api/datasets/{name}/access-requests" -> c.post(path, Map.of());
      case "/api/access-requests/{id}/documents" -> c.send("POST", path, "application/pdf", "not a pdf".getBytes());
      case "/api/access-requests/{id}/reply" -> c.post(path, Map.of("message", "matrix"));
      case "/api/access-requests/{id}/decision" -> c.post(path, Map.of("decision", "bogus"));
      default -> null;
    };
  }

  @Override public String expected(AuthorisationMatrixTest.Op o, String caller) {
    String key = o.method() + " " + o.path();
    boolean read = o.method().equals("GET") || o.method().equals("HEAD");
    if (key.equals("PUT /api/datasets/{name}/access") && caller.equals("outsider")) return "404";
    if (read && o.path().equals("/api/access-requests/{id}") && caller.equals("annotator")) return "404";
    if (key.equals("POST /api/access-requests/{id}/documents") || key.equals("POST /api/access-requests/{id}/reply")) {
      if (caller.equals("annotator")) return "404"; // neither the applicant nor a reviewer: the request is not there
      if (DECIDERS.contains(caller)) return "403"; // reviewers see it, but only the applicant writes to it
    }
    if (read && (o.path().equals("/api/datasets/{name}/versions/{v}/files/{path}") || o.path().equals("/api/datasets/{name}/versions/{v}/archive"))) {
      return switch (caller) {
        case "anyone" -> "401";
        case "admin", "manager", "datauser" -> "allowed"; // the publishers, and the grant holder
        default -> "403";
      };
    }
    return null;
  }
}
