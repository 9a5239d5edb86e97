package org.trainset.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a unit test (surefire does not pick up *Benchmark; bench/access/run.sh runs it):
 * download throughput of a release file over loopback against {@code cat FILE > /dev/null}, and
 * with 20 concurrent downloads. Sizes: {@code -Dbench.mb} (default 2048) and
 * {@code -Dbench.concurrentMb} (the file the 20 clients fetch, default 512). The client is curl.
 */
class DownloadBenchmark extends ServerTestBase {
  private final long mb = Long.getLong("bench.mb", 2048);
  private final long concurrentMb = Long.getLong("bench.concurrentMb", 512);
  private Path dir;

  DownloadBenchmark() {
    super(TestDatabases.SQLITE);
  }

  @BeforeAll void data() throws Exception {
    dir = AccessFixtures.publish(this, "bench");
    if (manager().put("/api/datasets/bench/access", Map.of("mode", "signin")).status() != 200) throw new AssertionError("mode");
    AccessFixtures.addLargeFile(dir, "big.bin", mb << 20);
    AccessFixtures.addLargeFile(dir, "shared.bin", concurrentMb << 20);
  }

  @Test void throughput() throws Exception {
    String token = platform.sessions().newAccessToken(platform.users().list().get(0).id(), "bench");
    String url = anonymous.base() + "/api/datasets/bench/versions/" + AccessFixtures.VERSION + "/files/";
    Path big = dir.resolve("big.bin");
    run("cat", big.toString()); // warm the page cache: both sides read from memory
    double cat = seconds(() -> run("sh", "-c", "cat '" + big + "' > /dev/null"));
    run("curl", "-sf", "-o", "/dev/null", "-H", "Authorization: Bearer " + token, url + "big.bin"); // warm-up
    double one = seconds(() -> run("curl", "-sf", "-o", "/dev/null", "-H", "Authorization: Bearer " + token, url + "big.bin"));
    run("cat", dir.resolve("shared.bin").toString());
    List<Process> procs = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      procs.add(new ProcessBuilder("curl", "-sf", "-o", "/dev/null", "-w", "%{time_total}", "-H", "Authorization: Bearer " + token,
          url + "shared.bin").redirectErrorStream(true).start());
    }
    double slowest = 0;
    for (Process p : procs) {
      String t = new String(p.getInputStream().readAllBytes()).trim();
      if (p.waitFor() != 0) throw new AssertionError("a concurrent download failed: " + t);
      slowest = Math.max(slowest, Double.parseDouble(t));
    }
    double all = (System.nanoTime() - t0) / 1e9;
    long recorded = platform.db().read(c -> org.trainset.server.db.Sql.count(c, "SELECT COUNT(*) FROM downloads WHERE state = 'complete'"));
    String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    System.out.printf("BENCH file %d MB: cat %.2f s (%.0f MB/s); download %.2f s (%.0f MB/s, %.2fx cat)%n", mb, cat, mb / cat, one, mb / one, one / cat);
    System.out.printf("BENCH 20 concurrent downloads of %d MB: %.2f s wall, slowest %.2f s, aggregate %.0f MB/s; %d downloads recorded; load average %s; %d cores%n",
        concurrentMb, all, slowest, 20 * concurrentMb / all, recorded, load, Runtime.getRuntime().availableProcessors());
  }

  /** The benchmark's files are large: removed with the run (the base class leaves its data folder). */
  @org.junit.jupiter.api.AfterAll void removeLargeFiles() throws Exception {
    Files.deleteIfExists(dir.resolve("big.bin"));
    Files.deleteIfExists(dir.resolve("shared.bin"));
  }

  private static void run(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (p.waitFor() != 0) throw new AssertionError(String.join(" ", cmd) + " failed");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static double seconds(Runnable r) {
    long t0 = System.nanoTime();
    r.run();
    return (System.nanoTime() - t0) / 1e9;
  }
}
