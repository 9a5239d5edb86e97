package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

/** The review issue's routes: workflows, queue, verdicts, issues, gold, quality, history and ISO stages. */
final class ReviewMatrixArea implements MatrixArea {
  @Override public Map<String, String> create(ServerTestBase t) throws Exception {
    String project = null;
    for (var p : t.manager().get("/api/projects").json().get("projects")) {
      if (p.get("name").asText().equals("matrix")) project = p.get("id").asText();
    }
    String item = t.annotator().get("/api/projects/" + project + "/items?limit=1").json().get("items").get(0).get("id").asText();
    ApiClient.Resp issue = t.manager().post("/api/items/" + item + "/issues", Map.of("category", "wrong label", "comment", "matrix"));
    assertEquals(201, issue.status(), issue.toString());
    // an ISO 2859-1 stage, so that resuming it is a real request (409: not discontinued)
    ApiClient.Resp wf = t.manager().put("/api/projects/" + project + "/workflow",
        Map.of("yaml", "stages:\n  - {name: audit, who: [reviewer], sampling: {aql: 1.0}}\n"));
    assertEquals(200, wf.status(), wf.toString());
    return Map.of("/api/issues/{id}", issue.json().get("id").asText());
  }

  @Override public String concrete(String template, Map<String, String> ids) {
    if (!template.equals("/api/projects/{id}/review-stages/{stage}/resume")) return null;
    return template.replace("{id}", ids.get("/api/projects/{id}")).replace("{stage}", "audit");
  }

  @Override public ApiClient.Resp call(ApiClient c, String m, String template, String path) {
    return switch (template) {
      case "/api/projects/{id}/workflow" -> m.equals("PUT") ? c.put(path, Map.of()) : null;
      case "/api/items/{id}/review", "/api/items/{id}/issues" -> m.equals("POST") ? c.post(path, Map.of()) : null;
      case "/api/issues/{id}" -> c.send("PATCH", path, "application/json", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      case "/api/items/{id}/gold" -> c.put(path, Map.of());
      case "/api/projects/{id}/review-stages/{stage}/resume" -> c.send("POST", path, null, null);
      default -> null;
    };
  }
}
