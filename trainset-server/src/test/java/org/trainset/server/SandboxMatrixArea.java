package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.trainset.server.auth.Role;

/**
 * The sandbox issue's routes. A job of acme's data user (the dataset's only grantee) on acme's
 * sandbox dataset, with one quarantined output: its submitter and acme's checkers (admin, manager,
 * reviewer) see it, acme's annotator and another organisation's manager get 404; only checkers
 * decide; the submitter cannot download before approval (403).
 */
final class SandboxMatrixArea implements MatrixArea {
  @Override public Map<String, String> create(ServerTestBase t) throws Exception {
    ApiClient company = t.as.get(Role.DATAUSER);
    SandboxFixture.publish(t, "matrix-faces", 12, company);
    var r = company.post("/api/datasets/matrix-faces/sandbox-jobs", Map.of("version", "1.0.0", "recipe", "stats"));
    assertEquals(202, r.status(), r.toString());
    String job = r.json().get("id").asText();
    assertEquals("done", SandboxSupport.await(company, job).get("state").asText());
    String output = SandboxSupport.output(company, job, "result.json").get("id").asText();
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("/api/sandbox-jobs/{id}", job);
    ids.put("/api/sandbox-outputs/{id}", output);
    return ids;
  }

  @Override public String concrete(String templatePath, Map<String, String> ids) {
    return templatePath.equals("/api/datasets/{name}/sandbox-jobs") ? "/api/datasets/matrix-faces/sandbox-jobs" : null;
  }

  @Override public ApiClient.Resp call(ApiClient c, String m, String template, String path) {
    return switch (template) {
      case "/api/datasets/{name}/sandbox-jobs" -> c.post(path, Map.of("version", "1.0.0", "recipe", "nope"));
      case "/api/sandbox-outputs/{id}/decision" -> c.post(path, Map.of("decision", "bogus"));
      default -> null;
    };
  }

  @Override public String expected(AuthorisationMatrixTest.Op o, String caller) {
    if (caller.equals("anyone") && o.path().startsWith("/api/") && o.path().contains("sandbox")) return "401";
    return switch (o.path()) {
      // the dataset's grantee, its organisation's manager and admins may submit; everyone else lacks a grant
      case "/api/datasets/{name}/sandbox-jobs" -> Set.of("admin", "manager", "datauser").contains(caller) ? "allowed" : "403";
      case "/api/sandbox-jobs/{id}", "/api/sandbox-jobs/{id}/log", "/api/sandbox-jobs/{id}/outputs" ->
          caller.equals("annotator") || caller.equals("outsider") ? "404" : "allowed";
      case "/api/sandbox-outputs/{id}/decision" -> switch (caller) {
        case "annotator", "datauser" -> "403";
        case "outsider" -> "404";
        default -> "allowed";
      };
      case "/api/sandbox-outputs/{id}/download" -> switch (caller) {
        case "datauser" -> "403";
        case "annotator", "outsider" -> "404";
        default -> "allowed";
      };
      default -> null;
    };
  }
}
