package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trainset.server.access.Downloads;

/**
 * The whole-release archive: built once into the platform cache with deterministic bytes, its
 * SHA-256 the strong ETag, served with Range / If-Range / 416 / HEAD like a file, resumable, and
 * still stopped by a revoked grant.
 */
class ArchiveRangeTest {
  @Nested class OnSqlite extends Cases { OnSqlite() { super(TestDatabases.SQLITE); } }
  @Nested class OnPostgresql extends Cases { OnPostgresql() { super(TestDatabases.POSTGRESQL); } }

  abstract static class Cases extends ServerTestBase {
    Path dir;
    String url;

    Cases(TestDatabases db) {
      super(db);
    }

    @BeforeAll void data() throws Exception {
      dir = AccessFixtures.publish(this, "roads");
      assertEquals(200, manager().put("/api/datasets/roads/access", Map.of("mode", "open")).status());
      AccessFixtures.addLargeFile(dir, "data/blob.bin", 2_500_000);
      url = "/api/datasets/roads/versions/" + AccessFixtures.VERSION + "/archive";
    }

    @Test void wholeAndTwoRangesGiveTheSameBytesWhoseSha256IsTheEtag() throws Exception {
      var whole = anonymous.get(url);
      assertEquals(200, whole.status(), whole.toString());
      byte[] zip = whole.body();
      String etag = whole.header("ETag").orElseThrow();
      assertEquals("\"" + AccessFixtures.sha256(zip) + "\"", etag);
      assertEquals("bytes", whole.header("Accept-Ranges").orElseThrow());
      assertTrue(whole.header("Content-Disposition").orElseThrow().startsWith("attachment; filename=\"roads-1.0.0.zip\""));
      var head = anonymous.head(url);
      assertEquals(200, head.status());
      assertEquals(etag, head.header("ETag").orElseThrow());
      assertEquals(Integer.toString(zip.length), head.header("Content-Length").orElseThrow());
      assertEquals(0, head.body().length);

      int half = zip.length / 2;
      var first = anonymous.get(url, "Range", "bytes=0-" + (half - 1), "If-Range", etag);
      var second = anonymous.get(url, "Range", "bytes=" + half + "-", "If-Range", etag);
      assertEquals(206, first.status());
      assertEquals(206, second.status());
      assertEquals("bytes 0-" + (half - 1) + "/" + zip.length, first.header("Content-Range").orElseThrow());
      assertEquals("bytes " + half + "-" + (zip.length - 1) + "/" + zip.length, second.header("Content-Range").orElseThrow());
      ByteArrayOutputStream joined = new ByteArrayOutputStream();
      joined.write(first.body());
      joined.write(second.body());
      assertArrayEquals(zip, joined.toByteArray());

      // the zip holds exactly the release's files, in name order, each byte for byte, stored with the fixed time
      List<String> names = new ArrayList<>();
      try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
        for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
          names.add(e.getName());
          assertEquals(ZipEntry.STORED, e.getMethod(), e.getName());
          assertEquals(LocalDateTime.of(1980, 1, 1, 0, 0), e.getTimeLocal(), e.getName());
          String rel = e.getName().substring("roads-1.0.0/".length());
          assertArrayEquals(Files.readAllBytes(dir.resolve(rel)), in.readAllBytes(), rel);
        }
      }
      List<String> expected = Downloads.files(dir).stream().map(n -> "roads-1.0.0/" + n).toList();
      assertEquals(expected, names);
      assertTrue(names.contains("roads-1.0.0/data/blob.bin") && names.contains("roads-1.0.0/SHA256SUMS"));
      assertTrue(AccessApiTest.Cases.eventually(() -> platform.db().read(c -> org.trainset.server.db.Sql.count(c,
          "SELECT COUNT(*) FROM downloads WHERE dataset_name = 'roads' AND path = '(archive)' AND range_start = ? AND bytes = ? "
              + "AND state = 'complete'", (long) half, (long) (zip.length - half))) == 1), "each transfer recorded, from its first byte");
    }

    @Test void ifRangeMismatchGivesTheWholeArchiveAndPastTheEndIs416() {
      var whole = anonymous.get(url);
      int length = whole.body().length;
      var changed = anonymous.get(url, "Range", "bytes=0-9", "If-Range", "\"0000\"");
      assertEquals(200, changed.status());
      assertArrayEquals(whole.body(), changed.body());
      var weak = anonymous.get(url, "Range", "bytes=0-9", "If-Range", "W/" + whole.header("ETag").orElseThrow());
      assertEquals(200, weak.status(), "If-Range compares strongly");
      var beyond = anonymous.get(url, "Range", "bytes=" + length + "-");
      assertEquals(416, beyond.status());
      assertEquals("bytes */" + length, beyond.header("Content-Range").orElseThrow());
      assertEquals(304, anonymous.get(url, "If-None-Match", whole.header("ETag").orElseThrow()).status());
    }

    @Test void anInterruptedArchiveResumedEqualsTheWhole() throws Exception {
      var whole = anonymous.get(url);
      String etag = whole.header("ETag").orElseThrow();
      HttpClient http = HttpClient.newHttpClient();
      var resp = http.send(HttpRequest.newBuilder(URI.create(anonymous.base() + url)).build(), HttpResponse.BodyHandlers.ofInputStream());
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      try (InputStream in = resp.body()) {
        got.write(in.readNBytes(1_000_003)); // then the connection is dropped
      }
      var rest = anonymous.get(url, "Range", "bytes=" + got.size() + "-", "If-Range", etag);
      assertEquals(206, rest.status());
      got.write(rest.body());
      assertArrayEquals(whole.body(), got.toByteArray());
      assertEquals(etag, "\"" + AccessFixtures.sha256(got.toByteArray()) + "\"");
    }

    @Test void builtOnceDeterministicallyEvenUnderConcurrentFirstRequests() throws Exception {
      Path release = AccessFixtures.publish(this, "lanes");
      assertEquals(200, manager().put("/api/datasets/lanes/access", Map.of("mode", "open")).status());
      String lanes = "/api/datasets/lanes/versions/" + AccessFixtures.VERSION + "/archive";
      Path cache = dataDir.resolve("cache/archives/lanes/" + AccessFixtures.VERSION);
      Files.createDirectories(cache);
      Path abandoned = Files.writeString(cache.resolve(".build-killed.tmp"), "a build that was killed");
      Files.setLastModifiedTime(abandoned, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 7_200_000L));
      List<Callable<ApiClient.Resp>> calls = List.of(() -> anonymous.get(lanes), () -> anonymous.get(lanes), () -> anonymous.get(lanes));
      var pool = Executors.newFixedThreadPool(3);
      List<byte[]> bodies = new ArrayList<>();
      try {
        for (Future<ApiClient.Resp> f : pool.invokeAll(calls)) {
          assertEquals(200, f.get().status());
          bodies.add(f.get().body());
        }
      } finally {
        pool.shutdownNow();
      }
      assertArrayEquals(bodies.get(0), bodies.get(1));
      assertArrayEquals(bodies.get(0), bodies.get(2));
      try (var files = Files.list(cache)) {
        List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
        assertEquals(2, names.size(), "one zip and its hash record, no temporary files left (nor a killed build's): " + names);
      }
      try (var inRelease = Files.walk(release)) {
        assertTrue(inRelease.noneMatch(p -> p.toString().endsWith(".zip")), "the release folder is not touched");
      }
      // built again from scratch (cache removed): the same bytes, so the same ETag
      try (var files = Files.list(cache)) {
        for (Path p : files.toList()) Files.delete(p);
      }
      var again = anonymous.get(lanes);
      assertArrayEquals(bodies.get(0), again.body());
      assertEquals("\"" + AccessFixtures.sha256(bodies.get(0)) + "\"", again.header("ETag").orElseThrow());
    }

    @Test void aRevokedGrantStopsTheArchiveMidBodyAndRefusesTheNextRange() throws Exception {
      Path release = AccessFixtures.publish(this, "gated-roads");
      AccessFixtures.addLargeFile(release, "data/big.bin", 40L << 20);
      assertEquals(200, manager().put("/api/datasets/gated-roads/access", Map.of("mode", "gated")).status());
      ApiClient erin = AccessFixtures.user(this, "erin", "uni");
      String archive = "/api/datasets/gated-roads/versions/" + AccessFixtures.VERSION + "/archive";
      assertEquals(403, erin.get(archive, "Range", "bytes=0-99").status(), "no grant yet");
      var r = erin.post("/api/datasets/gated-roads/access-requests", Map.of("purpose", "archive test"));
      assertEquals(201, r.status(), r.toString());
      var ok = manager().post("/api/access-requests/" + r.json().get("id").asText() + "/decision",
          Map.of("decision", "approve", "expiresAt", "2099-01-01", "to", "user"));
      assertEquals(200, ok.status(), ok.toString());
      String grant = ok.json().get("grant").get("id").asText();
      var first = erin.get(archive, "Range", "bytes=0-99");
      assertEquals(206, first.status(), first.toString());
      String etag = first.header("ETag").orElseThrow();
      long length = Long.parseLong(first.header("Content-Range").orElseThrow().replaceFirst(".*/", ""));

      // a running archive transfer: read a little, revoke, the rest never arrives
      String token = platform.sessions().newAccessToken(platform.users().list().stream()
          .filter(u -> u.username().equals("erin")).findFirst().orElseThrow().id(), "stream");
      var resp = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(anonymous.base() + archive))
          .header("Authorization", "Bearer " + token).header("Range", "bytes=100-").header("If-Range", etag).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      assertEquals(206, resp.statusCode());
      long received = 0;
      boolean cut = false;
      try (InputStream in = resp.body()) {
        received += in.readNBytes(1 << 20).length;
        assertEquals(200, manager().send("DELETE", "/api/grants/" + grant + "?reason=withdrawn", null, null).status());
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) received += n;
      } catch (java.io.IOException expected) {
        cut = true;
      }
      assertTrue(cut || received < length - 100, "the transfer stopped: " + received + " of " + (length - 100) + " bytes");
      var next = erin.get(archive, "Range", "bytes=" + (100 + received) + "-", "If-Range", etag);
      assertEquals(403, next.status(), "the next range request is refused");
      assertTrue(AccessApiTest.Cases.eventually(() -> platform.db().read(c -> org.trainset.server.db.Sql.count(c,
          "SELECT COUNT(*) FROM downloads WHERE dataset_name = 'gated-roads' AND path = '(archive)' AND grant_id = ? AND state = 'interrupted'",
          grant)) == 1), "the cut transfer is recorded as interrupted");
      Files.delete(release.resolve("data/big.bin"));
      try (var files = Files.list(dataDir.resolve("cache/archives/gated-roads/" + AccessFixtures.VERSION))) {
        for (Path p : files.toList()) Files.delete(p); // 40 MB: the base class leaves its data folder behind
      }
    }
  }
}
