package org.trainset.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;

/**
 * Seeded mutation fuzz of every reader through {@code trainset stats --format ID}: small samples
 * of the ten families and the generic formats, one annotation or media file damaged per case
 * (truncation, byte flips, deleted or inserted spans, junk at the end, an empty file, invalid
 * UTF-8, deep nesting, a huge number or string). The contract: no hang, exit 0, 1 or 3, and a
 * failure is one line naming the damaged file, without a stack trace or library class names.
 */
class MalformedInputFuzzTest {
  private static final int CASES_PER_DATASET = 20;
  private static final long SEED = 20261202L;
  @TempDir static Path tmp;
  static final List<String[]> DATASETS = new ArrayList<>(); // {format id, folder}

  @BeforeAll
  static void samples() throws Exception {
    for (String family : List.of("aihub.corpus", "aihub.objects", "aihub.ocr", "aihub.sidewalk", "aihub.multimodal",
        "aihub.motion", "aihub.face", "aihub.xray", "aihub.medical", "aihub.cctv")) {
      Path out = tmp.resolve("src").resolve(family);
      Cli.Result r = Cli.run("sample", family, "--out", out.toString(), "--items", "3", "-q");
      assertEquals(0, r.exitCode(), r.toString());
      DATASETS.add(new String[] {family, out.toString()});
    }
    for (String to : List.of("coco", "cvat", "voc", "yolo", "trainset")) {
      Path out = tmp.resolve("src").resolve(to);
      Cli.Result r = Cli.run("convert", tmp.resolve("src/aihub.objects").toString(), "--to", to, "--out", out.toString(), "-q");
      assertTrue(r.exitCode() == 0 || r.exitCode() == 1, r.toString());
      DATASETS.add(new String[] {to, out.toString()});
    }
  }

  @Test
  void damagedInputKeepsTheContract() throws Exception {
    Random rnd = new Random(SEED);
    List<String> broken = new ArrayList<>();
    ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-case");
      t.setDaemon(true);
      return t;
    });
    int n = 0;
    try {
      for (String[] ds : DATASETS) {
        Path src = Path.of(ds[1]);
        List<Path> files = targets(src);
        for (int c = 0; c < CASES_PER_DATASET; c++) {
          Path work = tmp.resolve("case" + n++);
          copy(src, work);
          Path victim = work.resolve(src.relativize(files.get(rnd.nextInt(files.size()))));
          String kind = mutate(victim, rnd);
          String what = ds[0] + " case " + (n - 1) + ": " + kind + " " + work.relativize(victim);
          Future<Cli.Result> f = pool.submit(() -> Cli.run("stats", work.toString(), "--format", ds[0], "-q"));
          Cli.Result r;
          try {
            r = f.get(60, TimeUnit.SECONDS);
          } catch (TimeoutException e) {
            f.cancel(true);
            broken.add(what + ": no answer within 60 s");
            pool.shutdownNow();
            pool = Executors.newSingleThreadExecutor();
            continue;
          }
          String problem = contractBroken(r, victim, work);
          if (problem != null) broken.add(what + ": " + problem);
          deleteTree(work);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertTrue(n >= 300, "cases: " + n);
    assertTrue(broken.isEmpty(), broken.size() + " of " + n + " cases broke the contract:\n" + String.join("\n", broken));
  }

  /** Readers whose dataset-folder listing goes through {@code DatasetFolder} (issue 17 item 10). */
  static final java.util.Set<String> ODD_ENTRY_READERS = java.util.Set.of("aihub.corpus", "aihub.objects", "aihub.ocr",
      "aihub.multimodal", "aihub.medical", "aihub.sidewalk", "aihub.face", "aihub.xray", "aihub.motion", "aihub.cctv", "coco", "cvat", "voc", "yolo", "trainset");

  /**
   * A data file replaced by a dangling symlink or a FIFO (seeded choice of file and kind): exit 3
   * naming it, never exit 0 with an item fewer and never a hang on the FIFO.
   */
  @Test
  void oddEntriesInPlaceOfDataFilesAreInputErrors() throws Exception {
    Random rnd = new Random(SEED + 10);
    List<String> broken = new ArrayList<>();
    ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-odd-entry");
      t.setDaemon(true);
      return t;
    });
    int n = 0;
    try {
      for (String[] ds : DATASETS) {
        if (!ODD_ENTRY_READERS.contains(ds[0])) continue;
        Path src = Path.of(ds[1]);
        List<Path> files = targets(src);
        for (int c = 0; c < 4; c++) {
          Path work = tmp.resolve("odd" + n++);
          copy(src, work);
          Path victim = work.resolve(src.relativize(files.get(rnd.nextInt(files.size()))));
          Files.delete(victim);
          String kind;
          if (rnd.nextBoolean()) {
            kind = "dangling symlink";
            Files.createSymbolicLink(victim, work.resolve("gone-" + c));
          } else {
            kind = "fifo";
            org.trainset.testkit.TestTrees.mkfifo(victim);
          }
          String what = ds[0] + " odd case " + (n - 1) + ": " + kind + " " + work.relativize(victim);
          Future<Cli.Result> f = pool.submit(() -> Cli.run("stats", work.toString(), "--format", ds[0], "-q"));
          Cli.Result r;
          try {
            r = f.get(60, TimeUnit.SECONDS);
          } catch (TimeoutException e) {
            f.cancel(true);
            broken.add(what + ": no answer within 60 s");
            pool.shutdownNow();
            pool = Executors.newSingleThreadExecutor();
            continue;
          }
          if (r.exitCode() != 3) broken.add(what + ": exit " + r.exitCode() + " " + clip(r.err().strip()));
          else if (!r.err().contains(victim.getFileName().toString())) broken.add(what + ": does not name it: " + clip(r.err()));
          deleteTree(work);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertTrue(n >= 40, "cases: " + n);
    assertTrue(broken.isEmpty(), broken.size() + " of " + n + " cases:\n" + String.join("\n", broken));
  }

  /** Null when the result keeps the contract, else what is wrong. */
  static String contractBroken(Cli.Result r, Path victim, Path dataset) {
    int code = r.exitCode();
    if (code != 0 && code != 1 && code != 3) return "exit " + code + ": " + r.err().strip();
    if (code != 3) return null;
    String err = r.err().strip();
    if (err.lines().count() != 1) return "message of " + err.lines().count() + " lines: " + clip(err);
    if (err.contains("\tat ") || err.contains("[Fatal Error]") || err.matches(".*\\b(java|javax|com|org)\\.[a-z]+\\.[A-Za-z.]*[A-Z]\\w*(Exception|Error)\\b.*")
        || err.matches(".*\\b\\w+(Exception|Error)\\b.*")) {
      return "library detail in the message: " + clip(err);
    }
    if (err.length() > 500) return "message of " + err.length() + " characters";
    if (!err.contains(victim.getFileName().toString()) && !err.contains(dataset.toString())) {
      return "message names neither the file nor the dataset: " + clip(err);
    }
    return null;
  }

  private static String clip(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  /** Annotation, table and media files (not images, which the readers only reference). */
  static List<Path> targets(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      List<Path> all = s.filter(Files::isRegularFile).sorted().toList();
      List<Path> data = all.stream().filter(p -> !p.toString().matches("(?i).*\\.(jpe?g|png|bmp)$")).toList();
      return data.isEmpty() ? all : data;
    }
  }

  static String mutate(Path file, Random rnd) throws IOException {
    byte[] b = Files.readAllBytes(file);
    int len = b.length;
    int at = len == 0 ? 0 : rnd.nextInt(len);
    byte[] out;
    String kind;
    switch (rnd.nextInt(10)) {
      case 0 -> { kind = "truncated"; out = Arrays.copyOf(b, at); }
      case 1 -> {
        kind = "bytes flipped";
        out = b.clone();
        for (int i = 0; i < 1 + rnd.nextInt(8) && len > 0; i++) out[rnd.nextInt(len)] ^= (byte) (1 + rnd.nextInt(255));
      }
      case 2 -> { kind = "span deleted"; int to = Math.min(len, at + 1 + rnd.nextInt(64)); out = concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, to, len)); }
      case 3 -> { kind = "span inserted"; out = splice(b, at, junk(rnd, 1 + rnd.nextInt(64))); }
      case 4 -> { kind = "junk appended"; out = concat(b, "\n}]>garbage<x/>{\"a\":1}\n".getBytes(StandardCharsets.UTF_8)); }
      case 5 -> { kind = "emptied"; out = new byte[0]; }
      case 6 -> { kind = "invalid UTF-8"; out = splice(b, at, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}); }
      case 7 -> { kind = "deep nesting"; out = splice(b, at, ("[".repeat(5000) + "{\"a\":" + "<a>".repeat(3000)).getBytes(StandardCharsets.UTF_8)); }
      case 8 -> { kind = "huge number"; out = splice(b, at, "9".repeat(200_000).getBytes(StandardCharsets.UTF_8)); }
      default -> { kind = "huge string"; out = splice(b, at, ("\"" + "x".repeat(300_000) + "\"").getBytes(StandardCharsets.UTF_8)); }
    }
    Files.write(file, out);
    return kind;
  }

  private static byte[] junk(Random rnd, int n) {
    byte[] j = new byte[n];
    rnd.nextBytes(j);
    return j;
  }

  private static byte[] splice(byte[] b, int at, byte[] insert) {
    return concat(concat(Arrays.copyOf(b, at), insert), Arrays.copyOfRange(b, at, b.length));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(t); else Files.copy(p, t);
      }
    }
  }

  static void deleteTree(Path p) throws IOException {
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(q);
    }
  }
}
