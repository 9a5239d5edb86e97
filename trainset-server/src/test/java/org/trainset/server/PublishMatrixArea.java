package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Issue 13's publish routes: releases, catalog, dataset cards, files, changes, error reports and
 * the HTML catalog pages. The catalog is public (another organisation's dataset is listed for
 * everyone); the project-side routes answer 404 to outsiders.
 */
final class PublishMatrixArea implements MatrixArea {
  static final String DATASET = "matrix-ds";
  static final String VERSION = "1.0.0";
  private String sampleItem;
  /** The templates this area fills in (other areas' dataset routes, e.g. access and sandbox, fill their own). */
  private static final java.util.Set<String> OWN = java.util.Set.of("/api/datasets/{name}",
      "/api/datasets/{name}/versions/{v}/files", "/api/datasets/{name}/versions/{v}/changes",
      "/api/datasets/{name}/versions/{v}/sample", "/api/datasets/{name}/versions/{v}/sample/item",
      "/api/datasets/{name}/versions/{v}/sample/media", "/api/datasets/{name}/reports", "/catalog/{name}");

  @Override public Map<String, String> create(ServerTestBase t) throws Exception {
    String project = t.newProject("publish-matrix");
    assertEquals("done", t.importFolder(t.manager(), project, Datasets.fixture("voc")).get("state").asText());
    var r = t.manager().post("/api/projects/" + project + "/releases",
        Map.of("dataset", DATASET, "version", VERSION, "sample", Map.of("size", 1)));
    assertEquals(201, r.status(), r.toString());
    String item = t.manager().get("/api/projects/" + project + "/items?limit=1").json().get("items").get(0).get("name").asText();
    var report = t.as.get(org.trainset.server.auth.Role.DATAUSER).post("/api/datasets/" + DATASET + "/reports",
        Map.of("item", item, "text", "matrix report"));
    assertEquals(201, report.status(), report.toString());
    sampleItem = t.anonymous.get("/api/datasets/" + DATASET + "/versions/" + VERSION + "/sample").json()
        .get("items").get(0).get("name").asText();
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("/api/reports/{id}", report.json().get("id").asText());
    return ids;
  }

  @Override public String concrete(String template, Map<String, String> ids) {
    if (OWN.contains(template)) {
      String p = template.replace("{name}", DATASET).replace("{v}", VERSION);
      String item = java.net.URLEncoder.encode(sampleItem, java.nio.charset.StandardCharsets.UTF_8);
      if (p.endsWith("/changes")) return p + "?from=" + VERSION;
      if (p.endsWith("/sample/item")) return p + "?name=" + item;
      if (p.endsWith("/sample/media")) return p + "?item=" + item;
      return p;
    }
    return null;
  }

  @Override public ApiClient.Resp call(ApiClient c, String m, String template, String path) {
    return switch (template) {
      case "/api/projects/{id}/releases" -> m.equals("POST") ? c.post(path, Map.of()) : null;
      case "/api/datasets/{name}/reports" -> c.post(path, Map.of());
      case "/api/reports/{id}" -> c.send("PATCH", path, "application/json", "{\"state\":\"bogus\"}".getBytes());
      default -> null;
    };
  }
}
