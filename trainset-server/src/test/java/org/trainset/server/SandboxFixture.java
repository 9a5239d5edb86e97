package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sandbox datasets for the tests, published the way a manager does it over the API: a face-family
 * sample imported into a project, frozen as release {@code NAME 1.0.0} (every subject's consent
 * recorded), the dataset put in access mode {@code sandbox}, and each grantee's access request
 * approved.
 */
final class SandboxFixture {
  private SandboxFixture() {}

  /** Returns the release folder, {@code <dataDir>/releases/NAME/1.0.0}. */
  static Path publish(ServerTestBase t, String name, int items, ApiClient... grantees) throws IOException {
    ApiClient manager = t.manager();
    ApiClient.Resp p = manager.post("/api/projects", Map.of("name", name + "-source", "family", "aihub.face"));
    assertEquals(201, p.status(), p.toString());
    String project = p.json().get("id").asText();
    Path sample = Datasets.sample("aihub.face", t.tempDir("sandbox-faces").resolve("sample"), items);
    assertEquals("done", t.importFolder(manager, project, sample).get("state").asText());
    Map<String, String> consents = new TreeMap<>();
    for (JsonNode it : manager.get("/api/projects/" + project + "/items?limit=1000").json().get("items")) {
      consents.put(it.get("name").asText(), "consent-form-" + it.get("name").asText().hashCode());
    }
    ApiClient.Resp r = manager.post("/api/projects/" + project + "/releases",
        Map.of("dataset", name, "version", "1.0.0", "sample", Map.of("size", 0), "consents", consents));
    assertEquals(201, r.status(), r.toString());
    ApiClient.Resp mode = manager.put("/api/datasets/" + name + "/access", Map.of("mode", "sandbox"));
    assertEquals(200, mode.status(), mode.toString());
    for (ApiClient g : grantees) {
      ApiClient.Resp req = g.post("/api/datasets/" + name + "/access-requests", Map.of("purpose", "train a model in the sandbox"));
      assertEquals(201, req.status(), req.toString());
      ApiClient.Resp ok = manager.post("/api/access-requests/" + req.json().get("id").asText() + "/decision",
          Map.of("decision", "approve", "expiresAt", "2099-12-31"));
      assertEquals(200, ok.status(), ok.toString());
    }
    return t.platform.releases().releaseDir(name, "1.0.0").orElseThrow();
  }
}
