package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trainset.server.auth.Role;
import org.trainset.server.db.Sql;
import org.trainset.server.work.WorkEvents;

/** Users, projects, items and submissions for the review tests. */
abstract class ReviewTestSupport extends ServerTestBase {
  /** Rejects lower anna's quality index; keep her off 100 % inspection so the plans stay visible. */
  static final String NO_ESCALATION = "quality: {threshold: 1, min-items: 100000}\n";

  ApiClient anna;
  ApiClient rev1;
  ApiClient rev2;
  String annaId;
  String rev1Id;
  String rev2Id;

  ReviewTestSupport(TestDatabases db) {
    super(db);
  }

  void addUsers() {
    var a = platform.users().add("anna", PASSWORD, Role.ANNOTATOR, "acme");
    var r1 = platform.users().add("rev1", PASSWORD, Role.REVIEWER, "acme");
    var r2 = platform.users().add("rev2", PASSWORD, Role.REVIEWER, "acme");
    annaId = a.id();
    rev1Id = r1.id();
    rev2Id = r2.id();
    anna = anonymous.withBearer(platform.sessions().newAccessToken(a.id(), "t"));
    rev1 = anonymous.withBearer(platform.sessions().newAccessToken(r1.id(), "t"));
    rev2 = anonymous.withBearer(platform.sessions().newAccessToken(r2.id(), "t"));
  }

  /** A project (as the manager) with {@code family}. */
  String project(String name, String family) {
    ApiClient.Resp r = manager().post("/api/projects", Map.of("name", name, "family", family));
    assertEquals(201, r.status(), r.toString());
    return r.json().get("id").asText();
  }

  void putWorkflow(String project, String yaml) {
    ApiClient.Resp r = manager().put("/api/projects/" + project + "/workflow", Map.of("yaml", yaml));
    assertEquals(200, r.status(), r.toString());
  }

  /**
   * Items written straight into the project's current generation (the review tests need many
   * small items quickly; imports are tested elsewhere): {@code bodies[i]} is the model JSON
   * without annotations, {@code annotations[i]} the annotation array.
   */
  List<String> insertItems(String project, List<String> bodies, List<String> annotations) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < bodies.size(); i++) ids.add(Ids.newId());
    platform.db().write(c -> {
      int gen = Sql.one(c, "SELECT generation FROM projects WHERE id = ?", rs -> rs.getInt(1), project).orElseThrow();
      long seq = Sql.count(c, "SELECT COUNT(*) FROM items WHERE project_id = ?", project);
      for (int i = 0; i < ids.size(); i++) {
        Sql.update(c, "INSERT INTO items (id, project_id, generation, seq, name, subset, labels, body, annotations, version, "
            + "updated_by, updated_at) VALUES (?, ?, ?, ?, ?, NULL, '|', ?, ?, 1, NULL, 0)", ids.get(i), project, gen, seq + i,
            "item-" + (seq + i), bodies.get(i), annotations.get(i));
      }
      return null;
    });
    return ids;
  }

  List<String> emptyItems(String project, int n) {
    List<String> bodies = new ArrayList<>();
    List<String> anns = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      bodies.add("{\"id\":\"i" + i + "\",\"media\":[]}");
      anns.add("[]");
    }
    return insertItems(project, bodies, anns);
  }

  /** {@code size} new items, a job of them assigned to anna and submitted by her through the jobs API (one lot). */
  ApiClient.Resp submitLot(String project, int size) {
    emptyItems(project, size);
    ApiClient.Resp made = manager().post("/api/projects/" + project + "/jobs", Map.of("size", size));
    assertEquals(201, made.status(), made.toString());
    String job = made.json().get("jobs").get(0).get("id").asText();
    assertEquals(200, manager().post("/api/jobs/" + job + "/assignee", Map.of("userId", annaId)).status());
    return anna.post("/api/jobs/" + job + "/submit", Map.of());
  }

  /** What the jobs stage publishes when a job is submitted. */
  void submit(String project, String job, List<String> items, String authorId) {
    platform.events().submitted(new WorkEvents.Submitted(project, job, items, authorId, System.currentTimeMillis()));
  }

  JsonNode queue(ApiClient c) {
    ApiClient.Resp r = c.get("/api/me/reviews?limit=1000");
    assertEquals(200, r.status(), r.toString());
    return r.json();
  }

  List<String> queuedIds(ApiClient c, String project) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : queue(c).get("items")) if (n.get("projectId").asText().equals(project)) out.add(n.get("itemId").asText());
    return out;
  }

  ApiClient.Resp verdict(ApiClient c, String item, String stage, String verdict, String comment) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("verdict", verdict);
    body.put("stage", stage);
    if (comment != null) body.put("comment", comment);
    return c.post("/api/items/" + item + "/review", body);
  }

  JsonNode quality(String project) {
    ApiClient.Resp r = manager().get("/api/projects/" + project + "/quality");
    assertEquals(200, r.status(), r.toString());
    return r.json();
  }

  static JsonNode worker(JsonNode quality, String name) {
    for (JsonNode w : quality.get("workers")) if (w.get("worker").asText().equals(name)) return w;
    throw new AssertionError("no worker " + name + " in " + quality);
  }
}
