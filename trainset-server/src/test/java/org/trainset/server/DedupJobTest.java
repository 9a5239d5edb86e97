package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trainset.testkit.SharedFixtures;

/**
 * Dedup jobs over HTTP: a resized, re-encoded copy of a photo lands in one cluster with the
 * original, a distinct image stays alone; keep/drop decisions are recorded and audited.
 */
class DedupJobTest {
  @Nested class OnSqlite extends Cases { OnSqlite() { super(TestDatabases.SQLITE); } }
  @Nested class OnPostgresql extends Cases { OnPostgresql() { super(TestDatabases.POSTGRESQL); } }

  /** COCO (Datumaro layout): messi5, its half-size JPEG re-encode, and an unrelated image b. */
  static Path dataset(Path dir) throws Exception {
    Path images = Files.createDirectories(dir.resolve("images/default"));
    Files.createDirectories(dir.resolve("annotations"));
    Files.copy(PredictionsTest.MESSI, images.resolve("messi5.jpg"));
    BufferedImage src = ImageIO.read(PredictionsTest.MESSI.toFile());
    BufferedImage small = new BufferedImage(src.getWidth() / 2, src.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = small.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(src, 0, 0, small.getWidth(), small.getHeight(), null);
    g.dispose();
    ImageIO.write(small, "jpg", images.resolve("messi_copy.jpg").toFile());
    Files.copy(SharedFixtures.datumaro("coco_dataset/coco").resolve("images/val/b.jpg"), images.resolve("b.jpg"));
    BufferedImage b = ImageIO.read(images.resolve("b.jpg").toFile());
    String json = "{\"images\": [{\"id\": 1, \"file_name\": \"messi5.jpg\", \"width\": " + src.getWidth() + ", \"height\": " + src.getHeight() + "},"
        + " {\"id\": 2, \"file_name\": \"messi_copy.jpg\", \"width\": " + small.getWidth() + ", \"height\": " + small.getHeight() + "},"
        + " {\"id\": 3, \"file_name\": \"b.jpg\", \"width\": " + b.getWidth() + ", \"height\": " + b.getHeight() + "}],"
        + " \"categories\": [{\"id\": 1, \"name\": \"ball\"}], \"annotations\": []}";
    Files.writeString(dir.resolve("annotations/instances_default.json"), json);
    return dir;
  }

  abstract static class Cases extends ServerTestBase {
    String project;

    Cases(TestDatabases db) {
      super(db);
    }

    @BeforeAll void importImages() throws Exception {
      assertTrue(Files.isRegularFile(PredictionsTest.MESSI), "needs Debian's opencv-doc (scripts/install-test-deps)");
      project = newProject("dedup");
      assertEquals("done", importFolder(manager(), project, dataset(tempDir("dedup-job"))).get("state").asText());
    }

    String itemNamed(String name) {
      return manager().get("/api/projects/" + project + "/items?q=" + name).json().get("items").get(0).get("id").asText();
    }

    long exportedItems() {
      var started = manager().post("/api/projects/" + project + "/exports", Map.of("format", "trainset"));
      assertEquals(202, started.status(), started.toString());
      JsonNode op = awaitOperation(manager(), started.json().get("operationId").asText());
      assertEquals("done", op.get("state").asText(), op.toString());
      return op.get("result").get("items").asLong();
    }

    @Test void nearCopiesClusterAndDecisionsAreRecorded() {
      var made = manager().post("/api/projects/" + project + "/jobs", Map.of("kind", "dedup"));
      assertEquals(201, made.status(), made.toString());
      String job = made.json().get("jobs").get(0).get("id").asText();
      assertEquals("dedup", made.json().get("jobs").get(0).get("kind").asText());
      String messi = itemNamed("messi5"), copy = itemNamed("messi_copy"), b = itemNamed("b");

      JsonNode clusters = manager().get("/api/jobs/" + job).json().get("clusters");
      assertEquals(1, clusters.size(), clusters.toString());
      JsonNode members = clusters.get(0).get("members");
      Set<String> ids = new HashSet<>();
      for (JsonNode m : members) {
        ids.add(m.get("itemId").asText());
        assertTrue(m.get("phashDistance").asInt() <= 10 && m.get("dhashDistance").asInt() <= 12, m.toString());
        assertTrue(m.get("keep").isNull(), "undecided");
      }
      assertEquals(Set.of(messi, copy), ids, "the re-encoded copy clusters with its original; b stays alone");
      assertEquals("near", members.get(1).get("rule").asText());

      assertEquals(3, exportedItems());
      var decided = manager().post("/api/jobs/" + job + "/dedup-decisions",
          Map.of("decisions", List.of(Map.of("itemId", messi, "keep", true), Map.of("itemId", copy, "keep", false))));
      assertEquals(200, decided.status(), decided.toString());
      for (JsonNode m : manager().get("/api/jobs/" + job).json().get("clusters").get(0).get("members")) {
        assertEquals(m.get("itemId").asText().equals(messi), m.get("keep").asBoolean(), m.toString());
      }
      assertEquals(2, exportedItems(), "the dropped copy is left out of exports");
      assertTrue(platform.audit().page(0, 1000).stream().anyMatch(e -> e.entry().action().equals("dedup.decide") && job.equals(e.entry().objectId())));

      var outsider = manager().post("/api/jobs/" + job + "/dedup-decisions", Map.of("decisions", List.of(Map.of("itemId", b, "keep", false))));
      assertEquals(400, outsider.status(), outsider.toString());
      assertTrue(outsider.json().get("detail").asText().contains("decisions[0].itemId"), outsider.toString());
      var empty = manager().post("/api/jobs/" + job + "/dedup-decisions", Map.of("decisions", List.of()));
      assertEquals(400, empty.status());
      assertTrue(empty.json().get("detail").asText().startsWith("decisions:"), empty.toString());

      // an annotator decides only in a dedup job assigned to them
      var keepCopy = Map.of("decisions", List.of(Map.of("itemId", copy, "keep", true)));
      assertEquals(403, annotator().post("/api/jobs/" + job + "/dedup-decisions", keepCopy).status(), "not their job");
      String annotatorId = null;
      for (JsonNode u : manager().get("/api/users").json().get("users")) if (u.get("username").asText().equals("annotator1")) annotatorId = u.get("id").asText();
      assertEquals(200, manager().post("/api/jobs/" + job + "/assignee", Map.of("userId", annotatorId)).status());
      var byAssignee = annotator().post("/api/jobs/" + job + "/dedup-decisions", keepCopy);
      assertEquals(200, byAssignee.status(), byAssignee.toString());
      assertEquals(3, exportedItems(), "kept again by the assigned annotator");

      String annotateJob = manager().post("/api/projects/" + project + "/jobs", Map.of()).json().get("jobs").get(0).get("id").asText();
      assertNull(manager().get("/api/jobs/" + annotateJob).json().get("clusters"));
      assertEquals(409, manager().post("/api/jobs/" + annotateJob + "/dedup-decisions",
          Map.of("decisions", List.of(Map.of("itemId", copy, "keep", false)))).status());
    }
  }
}
