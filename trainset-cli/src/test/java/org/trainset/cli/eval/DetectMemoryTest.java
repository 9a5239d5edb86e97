package org.trainset.cli.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;
import org.trainset.cli.Main;

/**
 * {@code eval detect} on a COCO-val2017-sized case (5,000 images, 80 categories, ~36k ground
 * truths, ~100k detections) in a separate JVM: with {@code -Xmx256m} it gives exactly the numbers
 * of an unconstrained in-process run; with a heap too small to hold the input it ends with exit 4
 * and one line naming TRAINSET_JAVA_OPTS (the stack trace only with --debug).
 */
class DetectMemoryTest {
  @TempDir static Path tmp;
  static Path gt;
  static Path dt;

  @BeforeAll
  static void generate() throws IOException {
    gt = tmp.resolve("gt.json");
    dt = tmp.resolve("dt.json");
    Random rnd = new Random(2017);
    List<String> dets = new ArrayList<>();
    int annId = 1;
    try (Writer g = Files.newBufferedWriter(gt, StandardCharsets.UTF_8)) {
      g.write("{\"images\":[");
      for (int img = 1; img <= 5000; img++) {
        g.write((img > 1 ? "," : "") + "{\"id\":" + img + ",\"width\":640,\"height\":480}");
      }
      g.write("],\"categories\":[");
      for (int c = 1; c <= 80; c++) g.write((c > 1 ? "," : "") + "{\"id\":" + c + "}");
      g.write("],\"annotations\":[");
      for (int img = 1; img <= 5000; img++) {
        int n = Math.max(0, (int) (rnd.nextGaussian() * 4 + 7.3));
        for (int j = 0; j < n; j++) {
          double s = 6 + rnd.nextDouble() * 294;
          double w = s * (0.5 + rnd.nextDouble()), h = s * (0.5 + rnd.nextDouble());
          double x = rnd.nextDouble() * (640 - w / 2), y = rnd.nextDouble() * (480 - h / 2);
          int cat = 1 + rnd.nextInt(80);
          g.write((annId > 1 ? "," : "") + String.format(Locale.ROOT,
              "{\"id\":%d,\"image_id\":%d,\"category_id\":%d,\"bbox\":[%.2f,%.2f,%.2f,%.2f],\"area\":%.2f,\"iscrowd\":%d}",
              annId++, img, cat, x, y, w, h, w * h * (0.5 + rnd.nextDouble() / 2), rnd.nextInt(100) == 0 ? 1 : 0));
          for (int k = rnd.nextInt(10) < 2 ? 0 : 1 + (rnd.nextInt(10) < 3 ? 1 : 0); k > 0; k--) {
            double jit = 0.15 * s;
            dets.add(String.format(Locale.ROOT, "{\"image_id\":%d,\"category_id\":%d,\"bbox\":[%.2f,%.2f,%.2f,%.2f],\"score\":%.3f}",
                img, rnd.nextInt(10) == 0 ? 1 + rnd.nextInt(80) : cat, x + rnd.nextGaussian() * jit, y + rnd.nextGaussian() * jit,
                w * (0.8 + rnd.nextDouble() * 0.4), h * (0.8 + rnd.nextDouble() * 0.4), 0.2 + rnd.nextDouble() * 0.8));
          }
        }
        for (int k = 8 + rnd.nextInt(9); k > 0; k--) {
          double s = 8 + rnd.nextDouble() * 192;
          dets.add(String.format(Locale.ROOT, "{\"image_id\":%d,\"category_id\":%d,\"bbox\":[%.2f,%.2f,%.2f,%.2f],\"score\":%.3f}",
              img, 1 + rnd.nextInt(80), rnd.nextDouble() * (640 - s), rnd.nextDouble() * (480 - s), s, s, rnd.nextDouble() * 0.7));
        }
      }
      g.write("]}");
    }
    Files.writeString(dt, "[" + String.join(",", dets) + "]");
    assertTrue(annId > 30_000 && dets.size() > 90_000, annId + " / " + dets.size());
  }

  @Test
  void valSizedEvaluationFitsIn256MegabytesWithTheSameNumbers() throws Exception {
    Cli.Result inProcess = Cli.run("eval", "detect", "--truth", gt.toString(), "--pred", dt.toString(), "--json", "-q");
    assertEquals(0, inProcess.exitCode(), inProcess.toString());
    Run small = java("-Xmx256m", "eval", "detect", "--truth", gt.toString(), "--pred", dt.toString(), "--json", "-q");
    assertEquals(0, small.code, small.err);
    assertEquals(inProcess.out().strip(), small.out.strip());
  }

  @Test
  void outOfMemoryIsOneLineExit4NamingTrainsetJavaOpts() throws Exception {
    Run r = java("-Xmx24m", "eval", "detect", "--truth", gt.toString(), "--pred", dt.toString(), "-q");
    assertEquals(4, r.code, r.err);
    assertEquals(1, r.err.strip().lines().count(), r.err);
    assertTrue(r.err.startsWith("trainset eval detect: internal error: out of memory"), r.err);
    assertTrue(r.err.contains("TRAINSET_JAVA_OPTS"), r.err);
    assertFalse(r.err.contains("\tat "), r.err);

    Run debug = java("-Xmx24m", "eval", "detect", "--truth", gt.toString(), "--pred", dt.toString(), "-q", "--debug");
    assertEquals(4, debug.code, debug.err);
    assertTrue(debug.err.contains("java.lang.OutOfMemoryError") && debug.err.contains("\tat "), debug.err);
  }

  private record Run(int code, String out, String err) {}

  private static Run java(String heap, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap,
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "timed out");
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }
}
