package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.trainset.server.access.Downloads;
import org.trainset.server.auth.Role;

/** Published datasets and users outside the test organisation for the access tests. */
public final class AccessFixtures {
  public static final String VERSION = "1.0.0";
  /** A small real PDF (header, one empty page, trailer). */
  public static final byte[] PDF = ("%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
      + "2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>> endobj\n"
      + "trailer <</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

  private AccessFixtures() {}

  /** Releases the VOC fixture as {@code dataset} 1.0.0 (organisation acme) through the release API; returns the release folder. */
  public static Path publish(ServerTestBase t, String dataset) throws IOException {
    String project = t.newProject("p-" + dataset);
    assertEquals("done", t.importFolder(t.manager(), project, Datasets.fixture("voc")).get("state").asText());
    var r = t.manager().post("/api/projects/" + project + "/releases", Map.of("dataset", dataset, "version", VERSION, "sample", Map.of("size", 1)));
    assertEquals(201, r.status(), r.toString());
    return t.platform.access().directory().releaseDir(dataset, VERSION).orElseThrow();
  }

  /** A data file of the release (listed in SHA256SUMS, not the sample). */
  public static String someFile(Path dir) throws IOException {
    return Downloads.checksums(dir).keySet().stream().filter(p -> !p.startsWith("sample/") && !p.equals("manifest.json"))
        .findFirst().orElseThrow();
  }

  /**
   * Adds a file of random bytes to a release folder and its SHA256SUMS, as the server sees them:
   * release files are small, and a transfer must still be running when a grant is revoked.
   */
  public static String addLargeFile(Path dir, String name, long size) throws IOException {
    var sha = Ids.sha256();
    Random random = new Random(42);
    byte[] buf = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(dir.resolve(name))) {
      for (long left = size; left > 0; left -= buf.length) {
        random.nextBytes(buf);
        int n = (int) Math.min(buf.length, left);
        out.write(buf, 0, n);
        sha.update(buf, 0, n);
      }
    }
    String hex = HexFormat.of().formatHex(sha.digest());
    Files.writeString(dir.resolve("SHA256SUMS"), hex + "  " + name + "\n", StandardOpenOption.APPEND);
    return hex;
  }

  /** A data user in organisation {@code org}, with a token. */
  public static ApiClient user(ServerTestBase t, String name, String org) {
    var u = t.platform.users().add(name, ServerTestBase.PASSWORD, Role.DATAUSER, org);
    return t.anonymous.withBearer(t.platform.sessions().newAccessToken(u.id(), "test"));
  }

  public static String sha256(byte[] b) {
    return Ids.sha256Hex(b);
  }
}
