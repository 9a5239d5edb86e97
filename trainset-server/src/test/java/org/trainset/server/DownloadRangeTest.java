package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Release downloads per RFC 9110: Range, strong ETag, If-Range, If-None-Match, 416, HEAD; resuming gives the same bytes. */
class DownloadRangeTest {
  @Nested class OnSqlite extends Cases { OnSqlite() { super(TestDatabases.SQLITE); } }
  @Nested class OnPostgresql extends Cases { OnPostgresql() { super(TestDatabases.POSTGRESQL); } }

  abstract static class Cases extends ServerTestBase {
    Path dir;
    String url;
    byte[] whole;
    String etag;

    Cases(TestDatabases db) {
      super(db);
    }

    @BeforeAll void data() throws Exception {
      dir = AccessFixtures.publish(this, "street");
      assertEquals(200, manager().put("/api/datasets/street/access", Map.of("mode", "open")).status());
      String sha = AccessFixtures.addLargeFile(dir, "data/blob.bin", 3_000_000);
      etag = "\"" + sha + "\"";
      url = "/api/datasets/street/versions/" + AccessFixtures.VERSION + "/files/data/blob.bin";
      whole = Files.readAllBytes(dir.resolve("data/blob.bin"));
    }

    @Test void wholeFileWithStrongEtagAndHead() {
      var r = anonymous.get(url);
      assertEquals(200, r.status());
      assertArrayEquals(whole, r.body());
      assertEquals(etag, r.header("ETag").orElseThrow());
      assertEquals("bytes", r.header("Accept-Ranges").orElseThrow());
      var h = anonymous.head(url);
      assertEquals(200, h.status());
      assertEquals(Integer.toString(whole.length), h.header("Content-Length").orElseThrow());
      assertEquals(etag, h.header("ETag").orElseThrow());
      assertEquals(0, h.body().length);
      var nested = anonymous.get("/api/datasets/street/versions/" + AccessFixtures.VERSION + "/files/SHA256SUMS");
      assertEquals(200, nested.status());
      assertTrue(nested.text().contains("data/blob.bin"));
    }

    @Test void rangesOfEachForm() {
      var first = anonymous.get(url, "Range", "bytes=0-9");
      assertEquals(206, first.status());
      assertEquals("bytes 0-9/" + whole.length, first.header("Content-Range").orElseThrow());
      assertArrayEquals(Arrays.copyOfRange(whole, 0, 10), first.body());
      var open = anonymous.get(url, "Range", "bytes=2999990-");
      assertEquals(206, open.status());
      assertArrayEquals(Arrays.copyOfRange(whole, 2_999_990, whole.length), open.body());
      var suffix = anonymous.get(url, "Range", "bytes=-5");
      assertEquals("bytes " + (whole.length - 5) + "-" + (whole.length - 1) + "/" + whole.length, suffix.header("Content-Range").orElseThrow());
      assertArrayEquals(Arrays.copyOfRange(whole, whole.length - 5, whole.length), suffix.body());
      var pastEnd = anonymous.get(url, "Range", "bytes=10-99999999");
      assertEquals(206, pastEnd.status(), "an end past the file is cut to the file");
      assertEquals(whole.length - 10, pastEnd.body().length);
    }

    @Test void unsatisfiableRangesAre416AndUnparsableOnesAreIgnored() {
      var beyond = anonymous.get(url, "Range", "bytes=" + whole.length + "-");
      assertEquals(416, beyond.status());
      assertEquals("bytes */" + whole.length, beyond.header("Content-Range").orElseThrow());
      assertEquals(416, anonymous.get(url, "Range", "bytes=-0").status());
      for (String ignored : new String[] {"bytes=0-1,5-9", "items=0-9", "bytes=9-0", "bytes=x-y"}) {
        var r = anonymous.badInput().get(url, "Range", ignored);
        assertEquals(200, r.status(), ignored);
        assertEquals(whole.length, r.body().length, ignored);
      }
      var head = anonymous.head(url, "Range", "bytes=0-9");
      assertEquals(200, head.status(), "Range is defined for GET only");
    }

    @Test void ifRangeAndIfNoneMatch() {
      var same = anonymous.get(url, "Range", "bytes=0-9", "If-Range", etag);
      assertEquals(206, same.status());
      var changed = anonymous.get(url, "Range", "bytes=0-9", "If-Range", "\"0000\"");
      assertEquals(200, changed.status());
      assertEquals(whole.length, changed.body().length);
      var weak = anonymous.get(url, "Range", "bytes=0-9", "If-Range", "W/" + etag);
      assertEquals(200, weak.status(), "If-Range compares strongly");
      assertEquals(304, anonymous.get(url, "If-None-Match", etag).status());
      assertEquals(304, anonymous.get(url, "If-None-Match", "\"aaaa\", W/" + etag).status(), "lists, weak comparison");
      assertEquals(200, anonymous.get(url, "If-None-Match", "\"aaaa\"").status());
    }

    @Test void anInterruptedDownloadResumedGivesTheSameSha256() throws Exception {
      HttpClient http = HttpClient.newHttpClient();
      var resp = http.send(HttpRequest.newBuilder(URI.create(anonymous.base() + url)).build(), HttpResponse.BodyHandlers.ofInputStream());
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      try (InputStream in = resp.body()) {
        got.write(in.readNBytes(1_234_567)); // then the connection is dropped
      }
      var rest = anonymous.get(url, "Range", "bytes=" + got.size() + "-", "If-Range", etag);
      assertEquals(206, rest.status());
      got.write(rest.body());
      assertEquals(etag, "\"" + AccessFixtures.sha256(got.toByteArray()) + "\"");
      assertTrue(AccessApiTest.Cases.eventually(() -> platform.db().read(c -> org.trainset.server.db.Sql.count(c,
          "SELECT COUNT(*) FROM downloads WHERE path = 'data/blob.bin' AND range_start = 1234567 AND state = 'complete'")) == 1),
          "the resumed part is recorded from its offset");
    }
  }
}
