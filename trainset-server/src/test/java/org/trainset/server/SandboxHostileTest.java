package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trainset.server.auth.Role;
import org.trainset.server.sandbox.SandboxLimits;

/**
 * Hostile scripts under real isolation (bubblewrap, own uid, kernel limits), each submitted over
 * HTTP: every one must fail or have its outputs blocked, and the job must say why. The attempts
 * print {@code LEAK} and exit 0 when something they should not reach was reached, so a pass is a
 * failed job with exit 3 and no {@code LEAK} in its log.
 */
class SandboxHostileTest {
  @Nested class OnSqlite extends Cases { OnSqlite() { super(TestDatabases.SQLITE); } }
  @Nested class OnPostgresql extends Cases { OnPostgresql() { super(TestDatabases.POSTGRESQL); } }

  static final SandboxLimits LIMITS = new SandboxLimits(5, 768L << 20, 32, 15, 2L << 20, 50, 128 * 1024, 10);

  /** Runs each path through {@code probe} (a Python expression over {@code p}); LEAK when one succeeds. */
  static String attempts(List<String> paths, String probe) {
    StringBuilder s = new StringBuilder("import os, sys\nleaked = False\n");
    for (String p : paths) {
      s.append("p = ").append(pyString(p)).append("\ntry:\n    r = ").append(probe)
          .append("\n    print('LEAK', p, str(r)[:40]); leaked = True\nexcept Exception as e:\n    print('blocked', p, type(e).__name__, e)\n");
    }
    s.append("sys.exit(0 if leaked else 3)\n");
    return s.toString();
  }

  static String pyString(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  abstract static class Cases extends ServerTestBase {
    Path otherRelease;
    String otherJob;

    Cases(TestDatabases db) {
      super(db);
    }

    @BeforeAll void datasets() throws Exception {
      SandboxFixture.publish(this, "faces", 24, company());
      otherRelease = SandboxFixture.publish(this, "other-faces", 12);
      platform.sandbox().useLimits(LIMITS);
      // another user's job, whose folder the hostile scripts try to read
      var r = admin().post("/api/datasets/faces/sandbox-jobs", Map.of("version", "1.0.0", "recipe", "stats"));
      otherJob = r.json().get("id").asText();
      SandboxSupport.await(admin(), otherJob);
    }

    ApiClient company() {
      return as.get(Role.DATAUSER);
    }

    /** Runs {@code code}; asserts the job failed (with {@code exit} when given) and nothing leaked; returns the job. */
    JsonNode mustFail(String code, Integer exit, String errorContains, String logContains) {
      String id = SandboxSupport.python(company(), "faces", code);
      JsonNode job = SandboxSupport.await(company(), id);
      List<String> log = SandboxSupport.log(company(), id);
      assertEquals("failed", job.get("state").asText(), job + "\n" + log);
      if (exit != null) assertEquals(exit.intValue(), job.get("exitCode").asInt(), job + "\n" + log);
      assertTrue(job.get("error").asText().contains(errorContains), job.toString());
      assertFalse(log.stream().anyMatch(l -> l.startsWith("LEAK")), log.toString());
      if (logContains != null) assertTrue(log.stream().anyMatch(l -> l.contains(logContains)), log.toString());
      return job;
    }

    @Test void noNetworkNotEvenTheServerOnLoopback() {
      String code = "import socket, sys\nleaked = False\nfor host, port in [('1.1.1.1', 80), ('127.0.0.1', " + server.port() + ")]:\n"
          + "    try:\n        socket.create_connection((host, port), timeout=2); print('LEAK', host); leaked = True\n"
          + "    except OSError as e:\n        print('blocked', host, e)\nsys.exit(0 if leaked else 3)\n";
      mustFail(code, 3, "exit 3", "blocked 127.0.0.1");
    }

    @Test void noHostSecretsNoServerDataNoOtherDatasetNoOtherJob() {
      String code = attempts(List.of("/etc/shadow", "/etc/passwd", dataDir.resolve("trainset.db").toString(),
          dataDir.toString(), otherRelease.toString(), platform.sandbox().dirOf(otherJob).toString(),
          platform.sandbox().dirOf(otherJob).resolve("outputs").toString(), "/proc/1/environ", "/root"),
          "os.listdir(p) if os.path.isdir(p) else open(p, 'rb').read()");
      mustFail(code, 3, "exit 3", "blocked /etc/shadow");
    }

    @Test void nothingWritableButOut() {
      String code = attempts(List.of("/data/planted.txt", "/job/planted.txt", "/planted.txt", "/usr/planted.txt",
          dataDir.resolve("planted.txt").toString(), "/etc/planted.txt"), "open(p, 'w').write('x')")
          .replace("sys.exit(", "os.symlink('/etc/passwd', '/out/passwd')\nsys.exit(");
      String id = mustFail(code, 3, "exit 3", "blocked /data/planted.txt").get("id").asText();
      assertEquals(0, SandboxSupport.outputs(company(), id).size(), "a link out of the sandbox is not taken out");
      assertFalse(java.nio.file.Files.exists(dataDir.resolve("planted.txt")));
    }

    @Test void aForkBombHitsTheProcessLimit() {
      mustFail("import os\nwhile True:\n    os.fork()\n", null, "exit", "Resource temporarily unavailable");
    }

    @Test void memoryPastTheLimitIsRefused() {
      mustFail("x = bytearray(2 * 1024 ** 3)\nprint('LEAK allocated', len(x))\n", 1, "exit 1", "MemoryError");
    }

    @Test void cpuAndWallTimeLimitsStopTheJob() {
      platform.sandbox().useLimits(LIMITS.withCpuSeconds(1).withWallSeconds(20));
      try {
        mustFail("while True:\n    pass\n", null, "CPU time limit", null);
        platform.sandbox().useLimits(LIMITS.withWallSeconds(3));
        mustFail("import time\ntime.sleep(60)\nprint('LEAK woke up')\n", null, "wall-time limit", null);
      } finally {
        platform.sandbox().useLimits(LIMITS);
      }
    }

    @Test void outputsPastTheSizeLimitStopTheJob() {
      mustFail("import time\nfor i in range(8):\n    open('/out/part%d.bin' % i, 'wb').write(b'x' * (1024 * 1024))\n    time.sleep(0.3)\n"
          + "print('LEAK wrote everything')\n", null, "size limit", null);
    }

    @Test void rawImagesReencodedResizedOrZippedAreBlocked() {
      String id = SandboxSupport.python(company(), "faces", """
          import glob, io, shutil, zipfile, random
          from PIL import Image
          imgs = sorted(glob.glob("/data/**/*.jpg", recursive=True))
          shutil.copy(imgs[0], "/out/copy.jpg")
          Image.open(imgs[1]).save("/out/reencoded.png")
          im = Image.open(imgs[2]); im.resize((im.width // 2, im.height // 2)).save("/out/small.jpg", quality=60)
          buf = io.BytesIO(); Image.open(imgs[3]).save(buf, "PNG")
          with zipfile.ZipFile("/out/bundle.zip", "w") as z:
              z.writestr("inner/face.png", buf.getvalue())
              z.writestr("notes.txt", "nothing here")
          random.seed(1)
          noise = Image.new("L", (64, 64)); noise.putdata([random.randrange(256) for _ in range(64 * 64)]); noise.save("/out/noise.png")
          """);
      assertEquals("done", SandboxSupport.await(company(), id).get("state").asText(), SandboxSupport.log(company(), id).toString());
      for (String leaked : List.of("copy.jpg", "reencoded.png", "small.jpg", "bundle.zip")) {
        JsonNode o = SandboxSupport.output(company(), id, leaked);
        assertTrue(o.get("blocked").asBoolean(), o.toString());
        String check = o.get("checks").get(0).get("check").asText();
        assertTrue(check.equals("identical") || check.equals("near-duplicate"), o.toString());
        assertEquals(409, as.get(Role.REVIEWER).post("/api/sandbox-outputs/" + o.get("id").asText() + "/decision",
            Map.of("decision", "approve")).status(), "a blocked output cannot be approved");
      }
      JsonNode zip = SandboxSupport.output(company(), id, "bundle.zip");
      assertEquals("bundle.zip!/inner/face.png", zip.get("checks").get(0).get("where").asText());
      JsonNode noise = SandboxSupport.output(company(), id, "noise.png");
      assertFalse(noise.get("blocked").asBoolean(), "an image that is no dataset image passes: " + noise);
    }

    @Test void identifiersInTextOutputsAreBlockedAndWithheldFromTheLog() {
      String id = SandboxSupport.python(company(), "faces", """
          import glob, json
          people = sorted({json.loads(l)["attributes"]["person"] for p in glob.glob("/data/data/trainset/items/*.jsonl") for l in open(p)})
          open("/out/ids.txt", "w").write("\\n".join(people))
          print("patients:", " ".join(people))
          print("done listing")
          """);
      assertEquals("done", SandboxSupport.await(company(), id).get("state").asText());
      JsonNode o = SandboxSupport.output(company(), id, "ids.txt");
      assertTrue(o.get("blocked").asBoolean());
      assertEquals("identifier", o.get("checks").get(0).get("check").asText());
      assertTrue(o.get("checks").get(0).get("message").asText().contains("19062401"), o.toString());
      List<String> log = SandboxSupport.log(company(), id);
      assertTrue(log.contains("[sandbox] line withheld: it holds an identifier of the dataset"), log.toString());
      assertTrue(log.contains("done listing"));
      assertFalse(log.stream().anyMatch(l -> l.contains("19062401")), log.toString());
    }
  }
}
