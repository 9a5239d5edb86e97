package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Box;
import org.trainset.server.predict.Drafts;

/** The annotate issue's routes: jobs, qualifications, live checks, drafts, predictions, the model hook. */
final class AnnotateMatrixArea implements MatrixArea {
  @Override public Map<String, String> create(ServerTestBase t) throws Exception {
    String project = t.newProject("annotate-matrix");
    assertEquals("done", t.importFolder(t.manager(), project, Datasets.fixture("voc")).get("state").asText());
    String annotator = userId(t, "annotator1");
    var made = t.manager().post("/api/projects/" + project + "/jobs", Map.of("size", 1));
    assertEquals(201, made.status(), made.toString());
    String job = made.json().get("jobs").get(0).get("id").asText();
    var assigned = t.manager().post("/api/jobs/" + job + "/assignee", Map.of("userId", annotator));
    assertEquals(200, assigned.status(), assigned.toString());
    String item = t.manager().get("/api/jobs/" + job).json().get("items").get(0).get("id").asText();
    // a draft as a predictions import leaves it (the import itself is tested in PredictionsTest)
    t.platform.db().write(c -> {
      Drafts.insert(c, item, project, new Drafts.NewDraft(new Box(AnnotationMeta.of("cat"), 1, 1, 5, 5), 0.5, "matrix"),
          annotator, 0);
      return null;
    });
    String draft = t.manager().get("/api/items/" + item + "/drafts").json().get("drafts").get(0).get("id").asText();
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("/api/jobs/{id}", job);
    ids.put("/api/drafts/{id}", draft);
    ids.put("/api/users/{id}", annotator);
    // an item with an attached report (medical sample: every patient's views carry its reports)
    String medical = t.newProject("annotate-matrix-medical");
    assertEquals("done", t.importFolder(t.manager(), medical, Datasets.sample("aihub.medical", t.tempDir("medical"), 8)).get("state").asText());
    ids.put("document-item", t.manager().get("/api/projects/" + medical + "/items?limit=1").json().get("items").get(0).get("id").asText());
    return ids;
  }

  @Override public String concrete(String templatePath, Map<String, String> ids) {
    return templatePath.equals("/api/items/{id}/documents/{docId}")
        ? "/api/items/" + ids.get("document-item") + "/documents/0" : null;
  }

  static String userId(ServerTestBase t, String username) {
    for (JsonNode u : t.manager().get("/api/users").json().get("users")) {
      if (u.get("username").asText().equals(username)) return u.get("id").asText();
    }
    throw new AssertionError("no user " + username);
  }

  @Override public ApiClient.Resp call(ApiClient c, String m, String template, String path) {
    return switch (template) {
      case "/api/projects/{id}/jobs" -> m.equals("POST") ? c.post(path, Map.of("size", 0)) : null;
      case "/api/jobs/{id}/assignee", "/api/users/{id}/qualifications" -> m.equals("PUT") ? c.put(path, Map.of()) : c.post(path, Map.of());
      case "/api/jobs/{id}/submit" -> c.post(path, List.of());
      case "/api/jobs/{id}/dedup-decisions" -> c.post(path, Map.of("decisions", List.of()));
      case "/api/drafts/{id}/decision" -> c.post(path, Map.of("decision", "maybe"));
      case "/api/projects/{id}/model-hook" -> m.equals("PUT") ? c.put(path, Map.of("url", "ftp://example.org/model")) : null;
      default -> null;
    };
  }
}
