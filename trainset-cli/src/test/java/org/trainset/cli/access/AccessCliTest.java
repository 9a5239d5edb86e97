package org.trainset.cli.access;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;
import org.trainset.server.Ids;
import org.trainset.server.Platform;
import org.trainset.server.TrainsetServer;
import org.trainset.server.access.AccessMode;
import org.trainset.server.access.RequestForm;
import org.trainset.server.auth.Principal;
import org.trainset.server.auth.Role;
import org.trainset.server.db.Sql;

/**
 * {@code trainset pull NAME --version V} against a real server (resumed, checked against
 * SHA256SUMS, refused without a grant) and {@code trainset audit verify} on a database edited
 * behind the server's back (changed, deleted, reordered entries; exit 1 naming them).
 */
public class AccessCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  @Test void pullResumesVerifiesAndIsRefusedWithoutAGrantThenAuditVerifyNamesTampering() throws Exception {
    Path data = tmp.resolve("data");
    Path out = tmp.resolve("out");
    byte[] big = new byte[5_000_000];
    new Random(1).nextBytes(big);
    String url;
    String token;
    try (Platform platform = Platform.open(data, null); TrainsetServer server = new TrainsetServer(platform)) {
      Principal mgr = platform.users().principal(platform.users().add("mgr", "password-1", Role.MANAGER, "acme").id(), null);
      Principal alice = platform.users().principal(platform.users().add("alice", "password-1", Role.DATAUSER, "uni").id(), null);
      publish(platform, mgr, "scans", big);
      platform.access().setMode(mgr, "scans", null, null, AccessMode.GATED, RequestForm.EMPTY, 7);
      url = "http://127.0.0.1:" + server.start("127.0.0.1", 0);

      var refused = Cli.run("pull", "scans", "--version", "1.0.0", "--server", url, "--out", out.toString());
      assertEquals(2, refused.exitCode(), refused.toString());
      assertTrue(refused.err().contains("401"), refused.err());

      var req = platform.accessRequests().submit(alice, "scans", null, null, "study", null, null);
      platform.accessRequests().decide(mgr, req.id(), "approve", null, "2099-01-01", "user");
      token = platform.sessions().newAccessToken(alice.userId(), "cli");
      var first = Cli.run("pull", "scans", "--version", "1.0.0", "--server", url, "--token", token, "--out", out.toString(), "--json");
      assertEquals(0, first.exitCode(), first.toString());
      assertEquals(2, JSON.readTree(first.out()).get("files").asInt());
      assertArrayEquals(big, Files.readAllBytes(out.resolve("data/big.bin")));
      Process check = new ProcessBuilder("sha256sum", "-c", "SHA256SUMS").directory(out.toFile()).redirectErrorStream(true).start();
      String checked = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, check.waitFor(), checked);

      // interrupted: half the file is there as .part; the pull asks for the rest only
      Files.delete(out.resolve("data/big.bin"));
      Files.write(out.resolve("data/big.bin.part"), Arrays.copyOf(big, 2_000_000));
      var resumed = Cli.run("pull", "scans", "--version", "1.0.0", "--server", url, "--token", token, "--out", out.toString(), "--json");
      assertEquals(0, resumed.exitCode(), resumed.toString());
      JsonNode r = JSON.readTree(resumed.out());
      assertEquals(1, r.get("resumed").asInt());
      assertEquals(1, r.get("kept").asInt());
      assertEquals(3_000_000, r.get("bytes").asLong());
      assertEquals(sha(big), sha(Files.readAllBytes(out.resolve("data/big.bin"))));
      assertEquals(1L, (long) platform.db().read(c -> Sql.count(c, "SELECT COUNT(*) FROM downloads WHERE range_start = 2000000")));

      // a partial file with the wrong bytes fails its checksum: exit 1, named, and the next pull fixes it
      Files.delete(out.resolve("data/big.bin"));
      byte[] wrong = big.clone();
      wrong[10] ^= 1;
      Files.write(out.resolve("data/big.bin.part"), wrong);
      var bad = Cli.run("pull", "scans", "--version", "1.0.0", "--server", url, "--token", token, "--out", out.toString());
      assertEquals(1, bad.exitCode(), bad.toString());
      assertTrue(bad.out().contains("checksum mismatch: data/big.bin"), bad.out());
      assertEquals(0, Cli.run("pull", "scans", "--version", "1.0.0", "--server", url, "--token", token, "--out", out.toString()).exitCode());
      assertArrayEquals(big, Files.readAllBytes(out.resolve("data/big.bin")));
    }

    var intact = Cli.run("audit", "verify", "--data", data.toString());
    assertEquals(0, intact.exitCode(), intact.toString());
    assertTrue(intact.out().startsWith("audit log intact"), intact.out());
    edit(data, "UPDATE audit_log SET detail = '{}' WHERE seq = 2");
    var changed = Cli.run("audit", "verify", "--data", data.toString());
    assertEquals(1, changed.exitCode(), changed.toString());
    assertTrue(changed.out().contains("entry 2: changed"), changed.out());
    edit(data, "DELETE FROM audit_log WHERE seq = 3");
    edit(data, "UPDATE audit_log SET seq = -1 WHERE seq = 5");
    edit(data, "UPDATE audit_log SET seq = 5 WHERE seq = 6");
    edit(data, "UPDATE audit_log SET seq = 6 WHERE seq = -1");
    var all = Cli.run("audit", "verify", "--data", data.toString(), "--json");
    assertEquals(1, all.exitCode(), all.toString());
    JsonNode findings = JSON.readTree(all.out()).get("findings");
    String kinds = findings.toString();
    assertTrue(kinds.contains("{\"seq\":2,\"kind\":\"changed\""), kinds);
    assertTrue(kinds.contains("{\"seq\":3,\"kind\":\"deleted\""), kinds);
    assertTrue(kinds.contains("{\"seq\":5,\"kind\":\"reordered\"") && kinds.contains("{\"seq\":6,\"kind\":\"reordered\""), kinds);
    assertFalse(JSON.readTree(all.out()).get("intact").asBoolean());
    assertEquals(2, Cli.run("audit", "verify", "--data", tmp.resolve("nowhere").toString()).exitCode());
  }

  /** A release as the release service leaves it: catalog row and folder with SHA256SUMS (the serve tests reuse it). */
  public static void publish(Platform platform, Principal mgr, String name, byte[] big) throws Exception {
    var project = platform.projects().create(mgr, "p-" + name, null, null, "acme");
    Path dir = platform.dataDir().resolve("releases").resolve(name).resolve("1.0.0");
    Files.createDirectories(dir.resolve("data"));
    Files.write(dir.resolve("data/big.bin"), big);
    Files.writeString(dir.resolve("manifest.json"), "{\"dataset\":\"" + name + "\"}");
    StringBuilder sums = new StringBuilder();
    for (String f : new String[] {"data/big.bin", "manifest.json"}) sums.append(sha(Files.readAllBytes(dir.resolve(f)))).append("  ").append(f).append('\n');
    Files.writeString(dir.resolve("SHA256SUMS"), sums.toString());
    long now = System.currentTimeMillis();
    platform.db().write(c -> Sql.update(c, "INSERT INTO datasets (name, org_id, project_id, family, title, description, licence, citation, "
        + "card_json, tasks, latest_version, access_mode, created_by, created_at, updated_at) VALUES (?, ?, ?, 'generic', ?, '', 'CC-BY-4.0', '', '{}', '', "
        + "'1.0.0', 'open', ?, ?, ?)", name, mgr.orgIds().iterator().next(), project.id(), name, mgr.userId(), now, now));
  }

  private static void edit(Path data, String sql) throws Exception {
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + data.resolve("trainset.db")); var st = c.createStatement()) {
      st.executeUpdate(sql);
    }
  }

  private static String sha(byte[] b) {
    return HexFormat.of().formatHex(Ids.sha256().digest(b));
  }
}
