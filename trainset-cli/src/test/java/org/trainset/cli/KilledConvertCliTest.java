package org.trainset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code convert} killed with kill -9 (a real child JVM) cannot remove its staging folder; the
 * earlier output stays intact, and the next run to the same target removes the dead process's
 * staging, but never the staging of a process that is still running.
 */
class KilledConvertCliTest {
  @TempDir Path tmp;

  /** A COCO file big enough that converting it takes seconds (no media: only labels are written). */
  static void bigCoco(Path file, int images, int perImage) throws Exception {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("{\"categories\":[{\"id\":1,\"name\":\"car\"}],\"images\":[");
      for (int i = 1; i <= images; i++) w.write((i > 1 ? "," : "") + "{\"id\":" + i + ",\"file_name\":\"i" + i + ".jpg\",\"width\":640,\"height\":480}");
      w.write("],\"annotations\":[");
      int id = 0;
      for (int i = 1; i <= images; i++) {
        for (int k = 0; k < perImage; k++) {
          w.write((id > 0 ? "," : "") + "{\"id\":" + (++id) + ",\"image_id\":" + i + ",\"category_id\":1,\"bbox\":["
              + (k * 7 % 500) + "," + (k * 11 % 400) + ",40,30],\"area\":1200,\"iscrowd\":0}");
        }
      }
      w.write("]}");
    }
  }

  static List<String> staging(Path dir, String target) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("." + target + ".staging-")).sorted().toList();
    }
  }

  /** Starts {@code trainset convert} in a child JVM and waits until its staging folder (one not seen before) exists. */
  Process convertInChild(Path in, Path out, List<String> seenBefore) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), "org.trainset.cli.Main",
        "convert", in.toString(), "--to", "yolo", "--out", out.toString(), "-q")
        .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (staging(out.getParent(), out.getFileName().toString()).stream().allMatch(seenBefore::contains)) {
      assertTrue(p.isAlive(), "the child ended before staging was seen: " + Files.readString(tmp.resolve("child.log")));
      assertTrue(System.nanoTime() < deadline, "no staging folder within 120 s");
      Thread.sleep(5);
    }
    return p;
  }

  @Test void staleStagingOfAKilledConvertIsRemovedByTheNextRun() throws Exception {
    Path small = tmp.resolve("small.json");
    bigCoco(small, 2, 1);
    Path big = tmp.resolve("big.json");
    bigCoco(big, 4000, 25);
    Path out = tmp.resolve("out");
    assertEquals(0, Cli.run("convert", small.toString(), "--to", "yolo", "--out", out.toString()).exitCode());
    List<String> earlier;
    try (Stream<Path> s = Files.walk(out)) {
      earlier = s.map(p -> out.relativize(p).toString()).sorted().toList();
    }

    Process killed = convertInChild(big, out, List.of());
    killed.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
    assertTrue(killed.waitFor(30, TimeUnit.SECONDS));
    assertEquals(137, killed.exitValue(), "killed by signal 9");
    List<String> left = staging(tmp, "out");
    assertEquals(1, left.size(), "the killed run's staging is left behind: " + left);
    try (Stream<Path> s = Files.walk(out)) {
      assertEquals(earlier, s.map(p -> out.relativize(p).toString()).sorted().toList(), "the earlier output is intact");
    }

    Process running = convertInChild(big, out, left);
    try {
      List<String> live = staging(tmp, "out").stream().filter(n -> !left.contains(n)).toList();
      assertEquals(1, live.size(), live.toString());
      Cli.Result r = Cli.run("convert", small.toString(), "--to", "yolo", "--out", out.toString());
      assertEquals(0, r.exitCode(), r.toString());
      List<String> after = staging(tmp, "out");
      assertFalse(after.contains(left.get(0)), "the dead process's staging was removed: " + after);
      assertTrue(after.contains(live.get(0)), "a running process's staging is not touched: " + after);
    } finally {
      running.destroyForcibly();
      running.waitFor(30, TimeUnit.SECONDS);
    }
    assertEquals(0, Cli.run("convert", small.toString(), "--to", "yolo", "--out", out.toString()).exitCode());
    assertEquals(List.of(), staging(tmp, "out"), "nothing left once no writer runs");
    assertTrue(Files.isRegularFile(out.resolve("data.yaml")));
  }
}
