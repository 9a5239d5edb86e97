package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trainset.core.Datasets;
import org.trainset.core.DatasetStats;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Box;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.Tag;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.WriteOptions;
import org.trainset.formats.trainset.TrainsetFormat;
import org.trainset.publish.Checksums;
import org.trainset.server.auth.Role;

/**
 * Releases, the catalog and error reports over HTTP: release files against their checksums
 * ({@code sha256sum -c}, the real command), byte-identical freezes of the same project state on two
 * platforms, sample label shares, refusals for expired licences and missing consent naming the
 * items, version changes with fixed error reports, catalog search and filters, and the no-JS pages.
 */
class ReleaseApiTest {
  @Nested class OnSqlite extends Cases { OnSqlite() { super(TestDatabases.SQLITE); } }
  @Nested class OnPostgresql extends Cases { OnPostgresql() { super(TestDatabases.POSTGRESQL); } }

  /** A native dataset of {@code items}: id → (subset, labels, attributes); boxes when {@code boxes}. */
  static Path dataset(Path dir, Map<String, Object[]> items, boolean boxes) throws IOException {
    TrainsetFormat nativeFormat = new TrainsetFormat();
    var loss = org.trainset.core.convert.LossReport.lenient();
    try (var sink = nativeFormat.writer().orElseThrow().open(dir, new DatasetSchema("test", Map.of(), List.of(), List.of()),
        new WriteOptions(dir, false), loss)) {
      for (Map.Entry<String, Object[]> e : items.entrySet()) {
        List<Annotation> anns = new ArrayList<>();
        int k = 0;
        for (String label : (String[]) e.getValue()[1]) {
          anns.add(boxes ? new Box(AnnotationMeta.of(label), 10 * k, 5, 20, 20, 0) : new Tag(AnnotationMeta.of(label)));
          k++;
        }
        @SuppressWarnings("unchecked") Map<String, Object> attrs = (Map<String, Object>) e.getValue()[2];
        sink.accept(new Item(e.getKey(), (String) e.getValue()[0], List.of(), attrs, anns));
      }
      sink.commit();
    }
    return dir;
  }

  static Object[] item(String subset, Map<String, Object> attrs, String... labels) {
    return new Object[] {subset, labels, attrs};
  }

  /** 60 items: main labels cat/dog/bird 3:2:1 over two subsets, some with a second label. */
  static Map<String, Object[]> animals() {
    Map<String, Object[]> items = new LinkedHashMap<>();
    String[] main = {"cat", "cat", "cat", "dog", "dog", "bird"};
    for (int i = 0; i < 60; i++) {
      String m = main[i % 6];
      String[] labels = i % 4 == 0 ? new String[] {m, "grass"} : new String[] {m};
      items.put(String.format("img%03d", i), item(i % 3 == 0 ? "val" : "train", Map.of(), labels));
    }
    return items;
  }

  abstract static class Cases extends ServerTestBase {
    Cases(TestDatabases db) {
      super(db);
    }

    String project(ApiClient as, String name, String family, Path data) throws IOException {
      var body = new HashMap<String, Object>(Map.of("name", name));
      if (family != null) body.put("family", family);
      var r = as.post("/api/projects", body);
      assertEquals(201, r.status(), r.toString());
      String id = r.json().get("id").asText();
      assertEquals("done", importFolder(as, id, data).get("state").asText());
      return id;
    }

    ApiClient.Resp release(ApiClient as, String project, Map<String, Object> body) {
      return as.post("/api/projects/" + project + "/releases", body);
    }

    @Test void releaseFilesMatchTheirChecksumsTheSampleKeepsLabelSharesAndTwoFreezesAreByteIdentical() throws Exception {
      Path data = dataset(tempDir("animals"), animals(), false);
      String project = project(manager(), "animals", null, data);
      Map<String, Object> body = Map.of("dataset", "animals", "version", "1.0.0", "sample", Map.of("size", 18, "seed", 7),
          "title", "Animals", "description", "Sixty tagged pictures", "licence", "CC-BY-4.0", "citation", "Acme (2026). Animals.");
      var r = release(manager(), project, body);
      assertEquals(201, r.status(), r.toString());
      Path dir = platform.releases().releaseDir("animals", "1.0.0").orElseThrow();
      assertEquals(dataDir.resolve("releases/animals/1.0.0"), dir);

      // the real sha256sum checks every file listed, and every file but SHA256SUMS is listed
      Process p = new ProcessBuilder("sha256sum", "-c", "--strict", "SHA256SUMS").directory(dir.toFile()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.waitFor(), out);
      List<String> onDisk = files(dir);
      assertEquals(onDisk.size() - 1, out.lines().filter(l -> l.endsWith(": OK")).count(), out);
      assertTrue(onDisk.contains("sample/dataset.json") || onDisk.stream().anyMatch(f -> f.startsWith("sample/")), onDisk.toString());

      // the manifest lists every other file with its true size and digest
      JsonNode manifest = ApiClient.JSON.readTree(dir.resolve("manifest.json").toFile());
      Map<String, String> listed = new TreeMap<>();
      for (JsonNode f : manifest.get("files")) {
        Path file = dir.resolve(f.get("path").asText());
        assertEquals(Files.size(file), f.get("size").asLong(), f.toString());
        listed.put(f.get("path").asText(), f.get("sha256").asText());
        assertEquals(Checksums.sha256(file), f.get("sha256").asText());
      }
      List<String> expected = new ArrayList<>(onDisk);
      expected.removeAll(List.of("manifest.json", "SHA256SUMS"));
      assertEquals(expected, new ArrayList<>(listed.keySet()));
      assertEquals("animals", manifest.path("project").path("name").asText());
      assertTrue(manifest.path("review").isObject() && manifest.path("inspection").isObject(), "review and inspection at freeze time");
      assertTrue(manifest.path("quality").path("targets").size() >= 1, manifest.path("quality").toString());
      assertFalse(manifest.toString().contains(dataDir.toString()), "no absolute path in the manifest");

      // the files listing (public) is the folder, sizes and digests included
      var listing = anonymous.get("/api/datasets/animals/versions/1.0.0/files");
      assertEquals(200, listing.status(), listing.toString());
      List<String> apiPaths = new ArrayList<>();
      for (JsonNode f : listing.json().get("files")) {
        apiPaths.add(f.get("path").asText());
        assertEquals(Checksums.sha256(dir.resolve(f.get("path").asText())), f.get("sha256").asText());
      }
      assertEquals(onDisk, apiPaths);

      // sample label shares, recounted from sample/ with the native reader, against the project's stats
      DatasetStats sample = new DatasetStats();
      TrainsetFormat nativeFormat = new TrainsetFormat();
      var plan = Datasets.plan(nativeFormat, dir.resolve("sample"), ReadOptions.defaults());
      try (ItemCursor c = Datasets.cursor(nativeFormat, dir.resolve("sample"), plan, ReadOptions.defaults())) {
        for (Item i = c.next(); i != null; i = c.next()) sample.add(i);
      }
      assertEquals(18, sample.items());
      JsonNode whole = manager().get("/api/projects/" + project + "/stats").json();
      long wholeAnns = whole.get("annotations").asLong();
      whole.get("byLabel").fields().forEachRemaining(e -> {
        double w = e.getValue().asDouble() / wholeAnns;
        double s = sample.byLabel().getOrDefault(e.getKey(), 0L) / (double) sample.annotations();
        assertTrue(Math.abs(w - s) <= 0.05, e.getKey() + ": whole " + w + ", sample " + s);
      });
      assertTrue(manifest.path("sample").path("withinTolerance").asBoolean());

      // the same project state frozen on another platform gives the same bytes
      Path otherDir = tempDir("trainset-release-twin");
      try (Platform other = Platform.open(otherDir, database.freshUrl()); TrainsetServer s2 = new TrainsetServer(other)) {
        ApiClient c2 = new ApiClient(s2.start("127.0.0.1", 0));
        var u = other.users().add("twin", PASSWORD, Role.MANAGER, "acme");
        ApiClient m2 = c2.withBearer(other.sessions().newAccessToken(u.id(), "test"));
        String p2 = project(m2, "animals", null, data);
        assertEquals(201, release(m2, p2, body).status());
        Path twin = other.releases().releaseDir("animals", "1.0.0").orElseThrow();
        assertEquals(onDisk, files(twin));
        for (String f : onDisk) assertArrayEquals(Files.readAllBytes(dir.resolve(f)), Files.readAllBytes(twin.resolve(f)), f);
      }

      // a release never changes
      var again = release(manager(), project, body);
      assertEquals(409, again.status(), again.toString());
      assertEquals(out, runSums(dir));
    }

    @Test void aMissingConsentOrAnExpiredLicenceRefusesTheReleaseNamingTheItems() throws Exception {
      Map<String, Object[]> clips = new LinkedHashMap<>();
      clips.put("clip1", item("train", Map.of("subject", "s1", "consent", "form-1"), "fight"));
      clips.put("clip2", item("train", Map.of("subject", "s2", "consent", "form-2"), "assault"));
      clips.put("clip3", item("train", Map.of("subject", "s3"), "fight"));
      clips.put("clip4", item("train", Map.of("subject", "s4"), "assault"));
      String cctv = project(manager(), "cctv-clips", "aihub.cctv", dataset(tempDir("cctv"), clips, false));
      var refused = release(manager(), cctv, Map.of("dataset", "cctv-clips", "version", "1.0.0", "consents", Map.of("s3", "form-3")));
      assertEquals(422, refused.status(), refused.toString());
      String detail = refused.json().get("detail").asText();
      assertTrue(detail.contains("clip4") && detail.contains("s4"), detail);
      assertFalse(detail.contains("clip1") || detail.contains("clip2") || detail.contains("clip3"), detail);
      assertTrue(platform.releases().releaseDir("cctv-clips", "1.0.0").isEmpty());
      assertFalse(Files.exists(dataDir.resolve("releases/cctv-clips/1.0.0")));
      var ok = release(manager(), cctv, Map.of("dataset", "cctv-clips", "version", "1.0.0",
          "consents", Map.of("s3", "form-3", "s4", "form-4")));
      assertEquals(201, ok.status(), ok.toString());
      JsonNode rights = manifest("cctv-clips", "1.0.0").get("rights");
      assertEquals(4, rights.path("consent").path("itemsWithConsent").asInt(), rights.toString());

      Map<String, Object[]> news = new LinkedHashMap<>();
      news.put("n1", item("train", Map.of("licence_source", "yonhap"), "politics"));
      news.put("n2", item("train", Map.of("licence_source", "yonhap"), "sports"));
      news.put("n3", item("train", Map.of("licence_source", "kbs", "licence_terms", "news licence", "licence_expires", "2099-12-31"), "sports"));
      String newsProject = project(manager(), "news", null, dataset(tempDir("news"), news, false));
      var expired = release(manager(), newsProject, Map.of("dataset", "news", "version", "1.0.0",
          "licences", Map.of("yonhap", Map.of("terms", "wire licence", "expires", "2020-01-31"))));
      assertEquals(422, expired.status(), expired.toString());
      String why = expired.json().get("detail").asText();
      assertTrue(why.contains("n1") && why.contains("n2") && why.contains("expired on 2020-01-31"), why);
      assertFalse(why.contains("n3"), why);
      var renewed = release(manager(), newsProject, Map.of("dataset", "news", "version", "1.0.0",
          "licences", Map.of("yonhap", Map.of("terms", "wire licence", "expires", "2099-01-31"))));
      assertEquals(201, renewed.status(), renewed.toString());
      JsonNode licences = manifest("news", "1.0.0").get("rights").get("licences");
      assertEquals(2, licences.get("yonhap").get("items").asInt());
      assertEquals("2099-12-31", licences.get("kbs").get("expires").asText());
    }

    @Test void aFreezeAskedToRespondAsyncRunsAsAnOperationAndItsRefusalNamesTheItems() throws Exception {
      Map<String, Object[]> news = new LinkedHashMap<>();
      news.put("a1", item("train", Map.of("licence_source", "yonhap"), "politics"));
      news.put("a2", item("train", Map.of(), "sports"));
      String project = project(manager(), "news-async", null, dataset(tempDir("news-async"), news, false));
      String path = "/api/projects/" + project + "/releases";

      // the request's own mistakes are answered at once, without an operation
      var badVersion = manager().post(path, Map.of("dataset", "news-async", "version", "one"), "Prefer", "respond-async");
      assertEquals(400, badVersion.status(), badVersion.toString());

      // a refusal found while freezing (an expired licence) fails the operation with the items named
      var expired = manager().post(path, Map.of("dataset", "news-async", "version", "1.0.0",
          "licences", Map.of("yonhap", Map.of("terms", "wire licence", "expires", "2020-01-31"))), "Prefer", "respond-async");
      assertEquals(202, expired.status(), expired.toString());
      assertEquals("respond-async", expired.header("Preference-Applied").orElseThrow());
      JsonNode failed = awaitOperation(manager(), expired.json().get("operationId").asText());
      assertEquals("failed", failed.get("state").asText(), failed.toString());
      assertEquals("release", failed.get("kind").asText());
      assertTrue(failed.get("error").asText().contains("a1") && !failed.get("error").asText().contains("a2"), failed.toString());
      assertTrue(platform.releases().releaseDir("news-async", "1.0.0").isEmpty(), "nothing published by a failed freeze");

      var started = manager().post(path, Map.of("dataset", "news-async", "version", "1.0.0",
          "licences", Map.of("yonhap", Map.of("terms", "wire licence", "expires", "2099-01-31"))), "Prefer", "wait=5, respond-async");
      assertEquals(202, started.status(), started.toString());
      JsonNode done = awaitOperation(manager(), started.json().get("operationId").asText());
      assertEquals("done", done.get("state").asText(), done.toString());
      assertEquals("1.0.0", done.path("result").path("version").asText(), done.toString());
      assertEquals(2, done.path("result").path("items").asInt(), done.toString());
      var listed = manager().get(path).json().get("releases");
      assertEquals("1.0.0", listed.get(0).get("version").asText());

      // a taken version is refused at once too; another organisation cannot start a freeze
      var again = manager().post(path, Map.of("dataset", "news-async", "version", "1.0.0"), "Prefer", "respond-async");
      assertEquals(409, again.status(), again.toString());
      var foreign = outsider.post(path, Map.of("dataset", "news-async", "version", "1.0.1"), "Prefer", "respond-async");
      assertEquals(404, foreign.status(), foreign.toString());
    }

    @Test void changesBetweenVersionsListItemsLabelsAndFixedErrorReports() throws Exception {
      Map<String, Object[]> v1 = new LinkedHashMap<>();
      for (int i = 1; i <= 5; i++) v1.put("a" + i, item("train", Map.of(), i % 2 == 0 ? "dog" : "cat"));
      String project = project(manager(), "diffs", null, dataset(tempDir("v1"), v1, false));
      assertEquals(201, release(manager(), project, Map.of("dataset", "diffs", "version", "1.0.0")).status());

      // a data user reports a wrong label; the project's managers see it, outsiders do not
      ApiClient user = as.get(Role.DATAUSER);
      var filed = user.post("/api/datasets/diffs/reports", Map.of("item", "a2", "version", "1.0.0", "shapeIndex", 0,
          "text", "a2 is a cat, not a dog"));
      assertEquals(201, filed.status(), filed.toString());
      String reportId = filed.json().get("id").asText();
      assertEquals(400, user.badInput().post("/api/datasets/diffs/reports", Map.of("item", "nope", "text", "x")).status());
      var listed = manager().get("/api/projects/" + project + "/reports");
      assertEquals(200, listed.status());
      assertEquals("open", listed.json().get("reports").get(0).get("state").asText());
      assertEquals("datauser1", listed.json().get("reports").get(0).get("reporter").asText());
      assertEquals(404, outsider.get("/api/projects/" + project + "/reports").status());
      assertEquals(404, outsider.send("PATCH", "/api/reports/" + reportId, "application/json",
          "{\"state\":\"fixed\"}".getBytes(StandardCharsets.UTF_8)).status());
      var fixed = manager().send("PATCH", "/api/reports/" + reportId, "application/json",
          "{\"state\":\"fixed\",\"note\":\"relabelled\"}".getBytes(StandardCharsets.UTF_8));
      assertEquals(200, fixed.status(), fixed.toString());

      // the next version: a2 relabelled, a5 removed, a6 added
      Map<String, Object[]> v2 = new LinkedHashMap<>(v1);
      v2.put("a2", item("train", Map.of(), "cat"));
      v2.remove("a5");
      v2.put("a6", item("train", Map.of(), "dog"));
      Path d2 = dataset(tempDir("v2"), v2, false);
      assertEquals("done", importFolder(manager(), project, d2).get("state").asText());
      var second = release(manager(), project, Map.of("dataset", "diffs", "version", "1.1.0"));
      assertEquals(201, second.status(), second.toString());
      assertEquals(409, release(manager(), project, Map.of("dataset", "diffs", "version", "1.0.1")).status(), "older than the latest");

      JsonNode changes = ApiClient.JSON.readTree(platform.releases().releaseDir("diffs", "1.1.0").orElseThrow()
          .resolve("CHANGES.json").toFile());
      assertEquals(List.of("a6"), strings(changes.get("addedItems")));
      assertEquals(List.of("a5"), strings(changes.get("removedItems")));
      assertEquals(List.of("a2"), strings(changes.get("changedItems")));
      assertEquals(reportId, changes.get("fixedReports").get(0).get("id").asText());
      assertEquals("relabelled", changes.get("fixedReports").get(0).get("fixNote").asText());
      var api = anonymous.get("/api/datasets/diffs/versions/1.1.0/changes?from=1.0.0");
      assertEquals(200, api.status(), api.toString());
      assertEquals(List.of("a2"), strings(api.json().get("changedItems")));
      // cat: a1 a3 a5 → a1 a2 a3; dog: a2 a4 → a4 a6
      assertEquals(3, api.json().get("byLabel").get("cat").get("current").asInt());
      assertEquals(0, api.json().get("byLabel").get("cat").get("delta").asInt());
      assertEquals(reportId, api.json().get("fixedReports").get(0).get("id").asText());
      assertEquals(404, anonymous.get("/api/datasets/diffs/versions/9.9.9/changes?from=1.0.0").status());

      JsonNode after = manager().get("/api/projects/" + project + "/reports").json().get("reports").get(0);
      assertEquals("1.1.0", after.get("shippedIn").asText());
      assertEquals(409, manager().send("PATCH", "/api/reports/" + reportId, "application/json",
          "{\"state\":\"open\"}".getBytes(StandardCharsets.UTF_8)).status(), "a shipped change note never changes");
      JsonNode card = outsider.get("/api/datasets/diffs").json();
      assertEquals(List.of("1.0.0", "1.1.0"), card.get("versions").findValuesAsText("version"));
    }

    @Test void theCatalogSearchesAndFiltersAndItsPagesWorkWithoutJavaScript() throws Exception {
      Map<String, Object[]> cats = new LinkedHashMap<>();
      for (int i = 0; i < 4; i++) cats.put("c" + i, item("train", Map.of(), "cat"));
      String p1 = project(manager(), "street-cats", null, dataset(tempDir("cats"), cats, false));
      assertEquals(201, release(manager(), p1, Map.of("dataset", "street-cats", "version", "1.0.0", "title", "Street cats",
          "description", "Cats <script>alert(1)</script> & friends", "licence", "CC-BY-4.0")).status());
      Map<String, Object[]> bags = new LinkedHashMap<>();
      for (int i = 0; i < 4; i++) bags.put("b" + i, item("train", Map.of(), "knife", "battery"));
      String p2 = project(outsider, "bags", "aihub.xray", dataset(tempDir("bags"), bags, true));
      assertEquals(201, release(outsider, p2, Map.of("dataset", "xray-bags", "version", "2.0.0", "title", "X-ray bags",
          "licence", "AI Hub terms")).status());

      assertEquals(List.of("street-cats"), names(anonymous.get("/api/catalog?q=STREET")));
      assertEquals(List.of("xray-bags"), names(anonymous.get("/api/catalog?family=aihub.xray")));
      assertEquals(List.of("xray-bags"), names(anonymous.get("/api/catalog?task=detection")));
      assertEquals(List.of("street-cats"), names(anonymous.get("/api/catalog?task=classification")));
      assertEquals(List.of("street-cats"), names(anonymous.get("/api/catalog?licence=CC-BY-4.0")));
      assertEquals(List.of(), names(anonymous.get("/api/catalog?access=gated")));
      var all = anonymous.get("/api/catalog");
      assertTrue(names(all).containsAll(List.of("street-cats", "xray-bags")));
      assertTrue(all.json().get("facets").get("family").toString().contains("aihub.xray"));
      // another organisation's dataset: its card is public, its project is not
      assertEquals(200, manager().get("/api/datasets/xray-bags").status());
      assertEquals("other", manager().get("/api/datasets/xray-bags").json().get("organisation").asText());
      assertEquals(404, manager().get("/api/projects/" + p2 + "/releases").status());
      assertEquals(409, release(manager(), p1, Map.of("dataset", "xray-bags", "version", "3.0.0")).status());

      var page = anonymous.get("/catalog?q=cats");
      assertEquals(200, page.status());
      assertTrue(page.header("Content-Type").orElse("").startsWith("text/html"));
      assertTrue(page.text().contains("href=\"/catalog/street-cats\"") && page.text().contains("Street cats"), page.text());
      assertFalse(page.text().contains("X-ray bags"), "filtered out");
      var card = anonymous.get("/catalog/street-cats");
      assertEquals(200, card.status());
      String html = card.text();
      assertTrue(html.contains("<h1>Street cats</h1>"), html);
      assertTrue(html.contains("Cats &lt;script&gt;alert(1)&lt;/script&gt; &amp; friends"), html);
      assertFalse(html.contains("<script>"), "nothing unescaped");
      assertTrue(html.contains("CC-BY-4.0") && html.contains("1.0.0") && html.contains("cat"), html);
      assertEquals(404, anonymous.get("/catalog/no-such-dataset").status());
    }

    @Test void theSampleIsDeidentifiedAndServedReadOnlyToAnyone() throws Exception {
      // noisy 64×64 images, each with a box labelled "face" over (16,16)-(40,40) and a "tree" box
      Path src = tempDir("street-src");
      java.util.Random rnd = new java.util.Random(3);
      Map<String, Object[]> items = new LinkedHashMap<>();
      List<Item> list = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        var img = new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) for (int x = 0; x < 64; x++) img.setRGB(x, y, rnd.nextInt(0xffffff));
        javax.imageio.ImageIO.write(img, "png", src.resolve("s" + i + ".png").toFile());
        list.add(new Item("s" + i, "train", List.of(new org.trainset.core.model.MediaRef(org.trainset.core.model.MediaKind.IMAGE,
            "s" + i + ".png", 64, 64, Map.of())), Map.of(), List.of(new Box(AnnotationMeta.of("face"), 16, 16, 24, 24, 0),
            new Box(AnnotationMeta.of("tree"), 44, 2, 10, 10, 0))));
      }
      Path data = tempDir("street");
      var loss = org.trainset.core.convert.LossReport.lenient();
      try (var sink = new TrainsetFormat().writer().orElseThrow().open(data, new DatasetSchema("street", Map.of(), List.of(), List.of()),
          new WriteOptions(src, true), loss)) {
        for (Item i : list) sink.accept(i);
        sink.commit();
      }
      String project = project(manager(), "street", "aihub.sidewalk", data);
      var r = release(manager(), project, Map.of("dataset", "street", "version", "0.1.0", "sample", Map.of("size", 2)));
      assertEquals(201, r.status(), r.toString());
      JsonNode treatment = manifest("street", "0.1.0").path("sample").path("treatment");
      assertEquals(2, treatment.path("imagesChanged").asInt(), treatment.toString());
      assertEquals(2, treatment.path("regions").asInt(), treatment.toString());
      runSums(platform.releases().releaseDir("street", "0.1.0").orElseThrow());

      var sample = anonymous.get("/api/datasets/street/versions/0.1.0/sample");
      assertEquals(200, sample.status(), sample.toString());
      assertEquals(2, sample.json().get("items").size());
      String name = sample.json().get("items").get(0).get("name").asText();
      var item = anonymous.get("/api/datasets/street/versions/0.1.0/sample/item?name=" + name);
      assertEquals(200, item.status(), item.toString());
      assertEquals(2, item.json().get("annotations").size());
      String url = item.json().get("media").get(0).get("url").asText();
      var media = anonymous.get(url);
      assertEquals(200, media.status());
      assertTrue(media.header("ETag").orElse("").contains(Checksums.sha256(media.body())), media.headers().toString());
      var published = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(media.body()));
      var original = javax.imageio.ImageIO.read(src.resolve(name + ".png").toFile());
      int inside = 0, outside = 0;
      for (int y = 0; y < 64; y++) {
        for (int x = 0; x < 64; x++) {
          boolean face = x >= 16 && x < 40 && y >= 16 && y < 40;
          boolean same = published.getRGB(x, y) == original.getRGB(x, y);
          if (face && !same) inside++;
          if (!face && !same) outside++;
        }
      }
      assertTrue(inside > 24 * 24 / 2, "the face region is blurred: " + inside + " pixels changed");
      assertEquals(0, outside, "nothing outside the face region changes");
      assertEquals(404, anonymous.get("/api/datasets/street/versions/0.1.0/sample/item?name=nope").status());
      assertEquals(404, anonymous.get("/api/datasets/street/versions/0.1.0/sample/media?item=" + name + "&index=5").status());
    }

    private JsonNode manifest(String dataset, String version) throws IOException {
      return ApiClient.JSON.readTree(platform.releases().releaseDir(dataset, version).orElseThrow().resolve("manifest.json").toFile());
    }
  }

  static List<String> names(ApiClient.Resp r) {
    assertEquals(200, r.status(), r.toString());
    return r.json().get("datasets").findValuesAsText("name");
  }

  static List<String> strings(JsonNode arr) {
    List<String> out = new ArrayList<>();
    arr.forEach(n -> out.add(n.asText()));
    return out;
  }

  static List<String> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString().replace('\\', '/')).sorted().toList();
    }
  }

  static String runSums(Path dir) throws Exception {
    Process p = new ProcessBuilder("sha256sum", "-c", "--strict", "SHA256SUMS").directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out;
  }
}
