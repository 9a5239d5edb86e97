package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

/** The platform issue's routes: projects, imports, uploads, operations, items, media, exports. */
final class PlatformMatrixArea implements MatrixArea {
  @Override public Map<String, String> create(ServerTestBase t) throws Exception {
    String project = t.newProject("matrix");
    assertEquals("done", t.importFolder(t.manager(), project, Datasets.fixture("voc")).get("state").asText());
    String item = t.annotator().get("/api/projects/" + project + "/items?limit=1").json().get("items").get(0).get("id").asText();
    var export = t.manager().post("/api/projects/" + project + "/exports", Map.of("format", "trainset"));
    String op = export.json().get("operationId").asText();
    assertEquals("done", t.awaitOperation(t.manager(), op).get("state").asText());
    String upload = t.manager().post("/api/projects/" + project + "/uploads", Map.of("fileName", "a.zip", "size", 10)).json().get("id").asText();
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("/api/projects/{id}", project);
    ids.put("/api/items/{id}", item);
    ids.put("/api/operations/{id}", op);
    ids.put("/api/uploads/{id}", upload);
    return ids;
  }

  @Override public ApiClient.Resp call(ApiClient c, String m, String template, String path) {
    return switch (template) {
      case "/api/auth/login" -> c.post(path, Map.of());
      case "/api/items/{id}/annotations" -> c.put(path, "[]", "If-Match", "0");
      case "/api/uploads/{id}" -> m.equals("PATCH")
          ? c.send("PATCH", path, "application/offset+octet-stream", new byte[] {1}, "Upload-Offset", "5") : c.get(path);
      case "/api/projects" -> m.equals("POST") ? c.post(path, Map.of("name", "p" + System.nanoTime())) : c.get(path);
      case "/api/projects/{id}/imports", "/api/projects/{id}/exports", "/api/projects/{id}/uploads" -> c.post(path, Map.of());
      case "/api/tokens" -> c.post(path, Map.of("name", "matrix"));
      case "/api/auth/logout", "/api/operations/{id}/cancel" -> c.send("POST", path, null, null);
      default -> null;
    };
  }
}
