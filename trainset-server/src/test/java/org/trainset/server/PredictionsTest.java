package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trainset.refine.deid.HaarCascadeRegions;
import org.trainset.refine.deid.Region;
import org.trainset.testkit.SharedFixtures;

/**
 * Pre-annotation over HTTP: a COCO results file and a dataset archive become drafts that are
 * accepted (a new version) or rejected; the model hook round trip against a real model server
 * (OpenCV's Haar face detector in Python); a de-identification job from the refine module's
 * detectors to blurred publishable copies.
 */
class PredictionsTest {
  @Nested class OnSqlite extends Cases { OnSqlite() { super(TestDatabases.SQLITE); } }
  @Nested class OnPostgresql extends Cases { OnPostgresql() { super(TestDatabases.POSTGRESQL); } }

  /** A real face (OpenCV's sample photo, Debian's opencv-doc). */
  static final Path MESSI = Path.of("/usr/share/doc/opencv-doc/examples/data/messi5.jpg");

  /** Two images in COCO's Datumaro layout: messi5 (image id 7, one ball box) and b (image id 9). */
  static Path cocoDataset(Path dir) throws Exception {
    Files.createDirectories(dir.resolve("images/default"));
    Files.createDirectories(dir.resolve("annotations"));
    Files.copy(MESSI, dir.resolve("images/default/messi5.jpg"));
    Files.copy(SharedFixtures.datumaro("coco_dataset/coco").resolve("images/val/b.jpg"), dir.resolve("images/default/b.jpg"));
    BufferedImage b = ImageIO.read(dir.resolve("images/default/b.jpg").toFile());
    String json = "{\"images\": [{\"id\": 7, \"file_name\": \"messi5.jpg\", \"width\": 548, \"height\": 342},"
        + " {\"id\": 9, \"file_name\": \"b.jpg\", \"width\": " + b.getWidth() + ", \"height\": " + b.getHeight() + "}],"
        + " \"categories\": [{\"id\": 1, \"name\": \"face\"}, {\"id\": 3, \"name\": \"ball\"}],"
        + " \"annotations\": [{\"id\": 1, \"image_id\": 7, \"category_id\": 3, \"bbox\": [430, 280, 40, 40], \"area\": 1600, \"iscrowd\": 0}]}";
    Files.writeString(dir.resolve("annotations/instances_default.json"), json);
    return dir;
  }

  abstract static class Cases extends ServerTestBase {
    String project;
    Path dataset;

    Cases(TestDatabases db) {
      super(db);
    }

    @BeforeAll void importFaces() throws Exception {
      assertTrue(Files.isRegularFile(MESSI), "needs Debian's opencv-doc (scripts/install-test-deps)");
      project = newProject("faces");
      dataset = cocoDataset(tempDir("coco-faces"));
      assertEquals("done", importFolder(manager(), project, dataset).get("state").asText());
    }

    String itemNamed(String name) {
      return manager().get("/api/projects/" + project + "/items?q=" + name).json().get("items").get(0).get("id").asText();
    }

    JsonNode drafts(String item) {
      return manager().get("/api/items/" + item + "/drafts").json().get("drafts");
    }

    @Test void cocoResultsBecomeDraftsThatAreAcceptedOrRejected() {
      String messi = itemNamed("messi5");
      String b = itemNamed("b");
      int before = manager().get("/api/items/" + messi).json().get("annotations").size();
      int draftsBefore = drafts(messi).size();
      int draftsOfB = drafts(b).size();
      String results = "[{\"image_id\": 7, \"category_id\": 1, \"bbox\": [244, 62, 85, 85], \"score\": 0.9},"
          + " {\"image_id\": 7, \"category_id\": 3, \"bbox\": [10, 10, 20, 20], \"score\": 0.4},"
          + " {\"image_id\": 9, \"category_id\": 3, \"bbox\": [5, 5, 10, 10], \"score\": 0.7}]";
      var r = manager().send("POST", "/api/projects/" + project + "/predictions", "application/json", results.getBytes(StandardCharsets.UTF_8));
      assertEquals(200, r.status(), r.toString());
      assertEquals(3, r.json().get("drafts").asInt());
      assertEquals(2, r.json().get("items").asInt());
      assertEquals("coco-results", r.json().get("format").asText());
      JsonNode item = manager().get("/api/items/" + messi).json();
      assertEquals(before, item.get("annotations").size(), "drafts are not annotations");
      List<JsonNode> ds = new java.util.ArrayList<>();
      drafts(messi).forEach(d -> {
        if (d.get("source").asText().equals("predictions:coco-results")) ds.add(d);
      });
      assertEquals(draftsBefore + 2, drafts(messi).size());
      assertEquals(2, ds.size());
      assertEquals(0.9, ds.get(0).get("score").asDouble(), 1e-9);
      assertEquals(0.4, ds.get(1).get("score").asDouble(), 1e-9);
      assertEquals("face", ds.get(0).get("annotation").get("label").asText());
      assertEquals(draftsOfB + 1, drafts(b).size());
      int version = item.get("version").asInt();
      var accepted = manager().post("/api/drafts/" + ds.get(0).get("id").asText() + "/decision", Map.of("decision", "accept", "version", version));
      assertEquals(200, accepted.status(), accepted.toString());
      assertEquals(version + 1, accepted.json().get("version").asInt());
      JsonNode after = manager().get("/api/items/" + messi).json();
      assertEquals(before + 1, after.get("annotations").size());
      JsonNode added = after.get("annotations").get(before);
      assertEquals("face", added.get("label").asText());
      assertEquals(244, added.get("x").asDouble(), 1e-9);
      var stale = manager().post("/api/drafts/" + ds.get(1).get("id").asText() + "/decision", Map.of("decision", "accept", "version", version));
      assertEquals(409, stale.status(), stale.toString());
      assertEquals(before + 1, manager().get("/api/items/" + messi).json().get("annotations").size());
      var rejected = manager().post("/api/drafts/" + ds.get(1).get("id").asText() + "/decision", Map.of("decision", "reject"));
      assertEquals(200, rejected.status());
      assertEquals(draftsBefore, drafts(messi).size());
      assertEquals(before + 1, manager().get("/api/items/" + messi).json().get("annotations").size(), "a reject changes nothing");
      assertEquals(404, manager().post("/api/drafts/" + ds.get(1).get("id").asText() + "/decision", Map.of("decision", "reject")).status());

      // the same file as a multipart upload (what the web page sends)
      String boundary = "----predictions" + System.nanoTime();
      String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"results.json\"\r\n"
          + "Content-Type: application/json\r\n\r\n[{\"image_id\": 9, \"category_id\": 1, \"bbox\": [1, 2, 3, 4], \"score\": 0.25}]\r\n--"
          + boundary + "--\r\n";
      var viaForm = manager().send("POST", "/api/projects/" + project + "/predictions", "multipart/form-data; boundary=" + boundary,
          multipart.getBytes(StandardCharsets.UTF_8));
      assertEquals(200, viaForm.status(), viaForm.toString());
      assertEquals(1, viaForm.json().get("drafts").asInt());
      assertEquals(draftsOfB + 2, drafts(b).size());
      var unknownImage = manager().send("POST", "/api/projects/" + project + "/predictions", "application/json",
          "[{\"image_id\": 99, \"category_id\": 1, \"bbox\": [1, 1, 2, 2], \"score\": 0.5}]".getBytes(StandardCharsets.UTF_8));
      assertEquals(400, unknownImage.status());
      assertTrue(unknownImage.json().get("detail").asText().contains("99"), unknownImage.toString());
      var unknownCategory = manager().send("POST", "/api/projects/" + project + "/predictions", "application/json",
          "[{\"image_id\": 7, \"category_id\": 5, \"bbox\": [1, 1, 2, 2], \"score\": 0.5}]".getBytes(StandardCharsets.UTF_8));
      assertEquals(400, unknownCategory.status());
      assertTrue(unknownCategory.json().get("detail").asText().contains("category_id 5"), unknownCategory.toString());
    }

    @Test void aDatasetArchiveIsMatchedByItemNameInABackgroundOperation() throws Exception {
      String messi = itemNamed("messi5");
      int before = drafts(messi).size();
      var started = manager().send("POST", "/api/projects/" + project + "/predictions", "application/zip", zip(dataset),
          "Prefer", "respond-async");
      assertEquals(202, started.status(), started.toString());
      JsonNode op = awaitOperation(manager(), started.json().get("operationId").asText());
      assertEquals("predictions", op.get("kind").asText());
      assertEquals("done", op.get("state").asText(), op.toString());
      JsonNode r = op.get("result");
      assertEquals("coco", r.get("format").asText());
      assertEquals(1, r.get("drafts").asInt());
      assertEquals(0, r.get("unmatched").asInt());
      try (var left = Files.list(platform.dataDir().resolve("uploads"))) {
        assertTrue(left.noneMatch(f -> f.getFileName().toString().startsWith("predictions")), "the operation deleted its upload");
      }
      JsonNode ds = drafts(messi);
      assertEquals(before + 1, ds.size());
      boolean ball = false;
      for (JsonNode d : ds) ball |= d.get("annotation").get("label").asText().equals("ball") && d.get("source").asText().equals("predictions:coco");
      assertTrue(ball, ds.toString());
    }

    @Test void modelHookRoundTrip() throws Exception {
      assertEquals(400, manager().badInput().put("/api/projects/" + project + "/model-hook", Map.of("url", "file:///etc/passwd")).status());
      assertEquals(400, manager().badInput().put("/api/projects/" + project + "/model-hook", Map.of("url", "ftp://127.0.0.1/x")).status());
      Process server = new ProcessBuilder("/usr/bin/python3", "-u", resource("model-server/haar_face_server.py").toString(), "0")
          .redirectErrorStream(true).start();
      try {
        String port = awaitPort(server);
        String url = "http://127.0.0.1:" + port + "/detect";
        assertEquals(200, manager().put("/api/projects/" + project + "/model-hook", Map.of("url", url)).status());
        assertEquals(url, manager().get("/api/projects/" + project + "/model-hook").json().get("url").asText());
        var jobs = manager().post("/api/projects/" + project + "/jobs", Map.of("aspects", List.of("faces")));
        String job = jobs.json().get("jobs").get(0).get("id").asText();
        var r = manager().send("POST", "/api/jobs/" + job + "/pre-annotate", null, null);
        assertEquals(200, r.status(), r.toString());
        assertEquals(2, r.json().get("items").asInt(), r.toString());
        assertEquals(0, r.json().get("failed").size(), r.toString());
        assertTrue(r.json().get("drafts").asInt() >= 1, r.toString());
        // the hook's faces are where the refine module's detector (same cascade, other binding) finds them
        Region expected = HaarCascadeRegions.stock("face", 1.1, 5, 24).detect(null, "messi5.jpg", MESSI,
            org.opencv.imgcodecs.Imgcodecs.imread(MESSI.toString())).stream().max(java.util.Comparator.comparingInt(x -> x.width() * x.height())).orElseThrow();
        double best = 0;
        for (JsonNode d : drafts(itemNamed("messi5"))) {
          if (!d.get("source").asText().equals("hook:127.0.0.1")) continue;
          JsonNode a = d.get("annotation");
          assertEquals("face", a.get("label").asText());
          assertTrue(d.get("score").asDouble() > 0 && d.get("score").asDouble() <= 1, d.toString());
          Region got = new Region(a.get("x").asInt(), a.get("y").asInt(), a.get("w").asInt(), a.get("h").asInt(), "face", "hook");
          best = Math.max(best, got.iou(expected));
        }
        assertTrue(best > 0.5, "hook boxes overlap the detector's face by IoU " + best);

        // the same as a background operation: 202 at once, the result in the operation
        var started = manager().send("POST", "/api/jobs/" + job + "/pre-annotate", null, null, "Prefer", "respond-async");
        assertEquals(202, started.status(), started.toString());
        JsonNode op = awaitOperation(manager(), started.json().get("operationId").asText());
        assertEquals("done", op.get("state").asText(), op.toString());
        assertEquals(2, op.get("result").get("items").asInt(), op.toString());
        assertEquals(403, annotator().send("POST", "/api/jobs/" + job + "/pre-annotate", null, null, "Prefer", "respond-async").status());
        assertEquals(404, outsider.send("POST", "/api/jobs/" + job + "/pre-annotate", null, null, "Prefer", "respond-async").status());
      } finally {
        server.destroy();
        if (!server.waitFor(10, TimeUnit.SECONDS)) server.destroyForcibly();
      }
    }

    @Test void deidJobBlursAcceptedRegionsIntoPublishableCopies() throws Exception {
      var made = manager().post("/api/projects/" + project + "/jobs", Map.of("kind", "deid"));
      assertEquals(201, made.status(), made.toString());
      String job = made.json().get("jobs").get(0).get("id").asText();
      assertEquals("deid", made.json().get("jobs").get(0).get("kind").asText());
      String messi = itemNamed("messi5");
      int faces = 0;
      for (JsonNode d : drafts(messi)) {
        if (!d.get("source").asText().startsWith("deid:haar")) continue;
        int v = manager().get("/api/items/" + messi).json().get("version").asInt();
        assertEquals(200, manager().post("/api/drafts/" + d.get("id").asText() + "/decision", Map.of("decision", "accept", "version", v)).status());
        faces++;
      }
      assertTrue(faces >= 1, "the refine detectors found the face");
      var applied = manager().send("POST", "/api/jobs/" + job + "/apply-deid", null, null);
      assertEquals(200, applied.status(), applied.toString());
      assertEquals(2, applied.json().get("images").asInt());
      assertTrue(applied.json().get("regions").asInt() >= faces);
      String[] copy = platform.db().read(c -> org.trainset.server.db.Sql.one(c,
          "SELECT d.sha256, m.sha256 FROM deid_copies d JOIN item_media m ON m.item_id = d.item_id AND m.idx = d.idx WHERE d.item_id = ?",
          rs -> new String[] {rs.getString(1), rs.getString(2)}, messi)).orElseThrow();
      BufferedImage original = ImageIO.read(platform.media().pathOf(copy[1]).toFile());
      BufferedImage blurred = ImageIO.read(platform.media().pathOf(copy[0]).toFile());
      assertEquals(Files.readAllBytes(MESSI).length, Files.size(platform.media().pathOf(copy[1])), "the original is kept");
      JsonNode face = null;
      for (JsonNode a : manager().get("/api/items/" + messi).json().get("annotations")) if (a.get("label").asText().equals("face")) face = a;
      double inside = meanDiff(original, blurred, face.get("x").asInt(), face.get("y").asInt(), face.get("w").asInt(), face.get("h").asInt());
      double outside = meanDiff(original, blurred, 0, 0, 60, 60);
      assertTrue(inside > 4 * outside + 2, "blurred inside the face (" + inside + ") not outside (" + outside + ")");
      assertTrue(platform.audit().page(0, 1000).stream().anyMatch(e -> e.entry().action().equals("deid.apply") && job.equals(e.entry().objectId())));
      String annotateJob = manager().post("/api/projects/" + project + "/jobs", Map.of("aspects", List.of("other"))).json().get("jobs").get(0).get("id").asText();
      assertEquals(409, manager().send("POST", "/api/jobs/" + annotateJob + "/apply-deid", null, null).status());
    }

    private static double meanDiff(BufferedImage a, BufferedImage b, int x0, int y0, int w, int h) {
      double sum = 0;
      int n = 0;
      for (int y = y0; y < y0 + h; y++) {
        for (int x = x0; x < x0 + w; x++) {
          int p = a.getRGB(x, y), q = b.getRGB(x, y);
          for (int s = 0; s < 24; s += 8) sum += Math.abs(((p >> s) & 255) - ((q >> s) & 255));
          n += 3;
        }
      }
      return sum / n;
    }

    private static Path resource(String name) throws Exception {
      return Path.of(PredictionsTest.class.getResource("/" + name).toURI());
    }

    /** The port the model server prints on its first line (cv2 takes a while to import on a busy machine). */
    private static String awaitPort(Process server) throws Exception {
      BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      java.util.concurrent.CompletableFuture<String> line = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try {
          return out.readLine();
        } catch (java.io.IOException e) {
          return null;
        }
      });
      String first = line.get(180, TimeUnit.SECONDS);
      assertTrue(first != null && first.startsWith("port "), "model server did not start (python3-opencv installed?): " + first);
      return first.substring(5).trim();
    }
  }
}
