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
 * download throughput of a release file over loopback against {@code cat FILE > /dev/null} and
 * against the physical ceiling ({@link SendfileServer}: the same file through {@code sendfile(2)}
 * to the same curl), run alternately for {@code -Dbench.rounds} rounds (default 3); then 20
 * concurrent downloads from each server. Sizes: {@code -Dbench.mb} (default 2048) and
 * {@code -Dbench.concurrentMb} (the file the 20 clients fetch, default 512).
 */
class DownloadBenchmark extends ServerTestBase {
  private final long mb = Long.getLong("bench.mb", 2048);
  private final long concurrentMb = Long.getLong("bench.concurrentMb", 512);
  private final int rounds = Integer.getInteger("bench.rounds", 3);
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
    String auth = "Authorization: Bearer " + token;
    Path big = dir.resolve("big.bin");
    try (SendfileServer ceiling = new SendfileServer(big)) {
      // warm-ups: the page cache holds the file, both servers have served it once
      run("cat", big.toString());
      run("curl", "-sf", "-o", "/dev/null", ceiling.url());
      run("curl", "-sf", "-o", "/dev/null", "-H", auth, url + "big.bin");
      Timing bestCat = null, bestCeiling = null, bestTrainset = null;
      for (int round = 1; round <= rounds; round++) { // alternately, so a burst of load hits all three alike
        Timing cat = timed("sh", "-c", "cat '" + big + "' > /dev/null");
        Timing top = timed("curl", "-sf", "-o", "/dev/null", ceiling.url());
        Timing ours = timed("curl", "-sf", "-o", "/dev/null", "-H", auth, url + "big.bin");
        System.out.printf("BENCH round %d, %d MB: cat %s | ceiling (sendfile) %s | trainset %s%n", round, mb, cat.show(mb), top.show(mb), ours.show(mb));
        bestCat = Timing.best(bestCat, cat);
        bestCeiling = Timing.best(bestCeiling, top);
        bestTrainset = Timing.best(bestTrainset, ours);
      }
      System.out.printf("BENCH best of %d, %d MB: cat %.2f s; ceiling %.2f s (%.2fx cat); trainset %.2f s (%.2fx cat, %.2fx ceiling)%n",
          rounds, mb, bestCat.wall, bestCeiling.wall, bestCeiling.wall / bestCat.wall, bestTrainset.wall, bestTrainset.wall / bestCat.wall,
          bestTrainset.wall / bestCeiling.wall);
    }
    Path shared = dir.resolve("shared.bin");
    run("cat", shared.toString());
    try (SendfileServer ceiling = new SendfileServer(shared)) {
      concurrent("ceiling (sendfile)", ceiling.url(), null);
    }
    concurrent("trainset", url + "shared.bin", auth);
    long recorded = platform.db().read(c -> org.trainset.server.db.Sql.count(c, "SELECT COUNT(*) FROM downloads WHERE state = 'complete'"));
    long started = platform.db().read(c -> org.trainset.server.db.Sql.count(c, "SELECT COUNT(*) FROM downloads"));
    String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    System.out.printf("BENCH %d of %d downloads recorded complete; load average %s; %d cores%n", recorded, started, load,
        Runtime.getRuntime().availableProcessors());
  }

  /** 20 curl clients at once on one server; the aggregate rate and the slowest client. */
  private void concurrent(String what, String url, String auth) throws Exception {
    List<Process> procs = new ArrayList<>();
    long cpu0 = serverCpuNanos();
    long t0 = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      List<String> cmd = new ArrayList<>(List.of("curl", "-sf", "-o", "/dev/null", "-w", "%{time_total}"));
      if (auth != null) cmd.addAll(List.of("-H", auth));
      cmd.add(url);
      procs.add(new ProcessBuilder(cmd).redirectErrorStream(true).start());
    }
    double slowest = 0;
    for (Process p : procs) {
      String t = new String(p.getInputStream().readAllBytes()).trim();
      if (p.waitFor() != 0) throw new AssertionError("a concurrent download failed: " + t);
      slowest = Math.max(slowest, Double.parseDouble(t));
    }
    double all = (System.nanoTime() - t0) / 1e9;
    System.out.printf("BENCH 20 concurrent downloads of %d MB, %s: %.2f s wall, slowest %.2f s, aggregate %.0f MB/s, server CPU %.2f s%n",
        concurrentMb, what, all, slowest, 20 * concurrentMb / all, (serverCpuNanos() - cpu0) / 1e9);
  }

  /** Wall time, the client's CPU time (user + system, from /usr/bin/time) and this JVM's CPU time (the servers run in it). */
  private record Timing(double wall, double clientCpu, double serverCpu) {
    String show(long mb) {
      return String.format("%.2f s (%.0f MB/s; CPU client %.2f s, server %.2f s)", wall, mb / wall, clientCpu, serverCpu);
    }

    static Timing best(Timing a, Timing b) {
      return a == null || b.wall < a.wall ? b : a;
    }
  }

  private static Timing timed(String... cmd) throws Exception {
    Path out = Files.createTempFile("bench-time", ".txt");
    try {
      List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %U %S", "-o", out.toString()));
      full.addAll(List.of(cmd));
      long cpu0 = serverCpuNanos();
      long t0 = System.nanoTime();
      run(full.toArray(String[]::new));
      double wall = (System.nanoTime() - t0) / 1e9;
      double server = (serverCpuNanos() - cpu0) / 1e9;
      String[] f = Files.readString(out).trim().split("\\s+");
      return new Timing(wall, Double.parseDouble(f[f.length - 2]) + Double.parseDouble(f[f.length - 1]), server);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private static long serverCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
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
