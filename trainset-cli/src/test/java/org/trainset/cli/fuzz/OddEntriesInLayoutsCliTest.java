package org.trainset.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;
import org.trainset.testkit.SharedFixtures;
import org.trainset.testkit.TestTrees;

/**
 * Issue 17 item 10 for the sidewalk family (release and producer layouts) and the YOLO Darknet,
 * Ultralytics-list and classification layouts: a dangling symlink, a FIFO or an undecodable name
 * where the layout expects a file or folder, and invalid UTF-8 inside its text files, are exit 3
 * with one line naming the entry and the rule — never an item or class fewer with exit 0, never
 * "no such file" or "Input length = 1", never a hang on the FIFO. Detection passes over them;
 * {@code validate} reports them as findings.
 */
class OddEntriesInLayoutsCliTest {
  private static final byte[] NOT_UTF8 = {'a', ',', 'b', '\n', 'c', ',', (byte) 0xC3, '(', '\n'};

  @TempDir Path tmp;

  private Path copy(String fixture, String name) throws Exception {
    return TestTrees.copy(SharedFixtures.external(fixture), tmp.resolve(name));
  }

  private Path sample(String name, String... extra) {
    Path out = tmp.resolve(name);
    String[] args = Stream.concat(Stream.of("sample", "aihub.sidewalk", "--out", out.toString(), "--seed", "5"),
        Stream.of(extra)).toArray(String[]::new);
    Cli.Result r = Cli.run(args);
    assertEquals(0, r.exitCode(), r.toString());
    return out;
  }

  /** The first file under {@code root} (sorted) whose '/'-separated relative path {@code wanted} accepts. */
  private static Path find(Path root, Predicate<String> wanted) throws Exception {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).filter(p -> wanted.test(root.relativize(p).toString().replace('\\', '/')))
          .sorted().findFirst().orElseThrow(() -> new AssertionError("no such file under " + root));
    }
  }

  private void dangling(Path link) throws Exception {
    OddEntries.dangling(link, tmp);
  }

  private static void fifo(Path p) throws Exception {
    OddEntries.fifo(p);
  }

  /** A folder named {@code prefix} + byte 0xFF inside {@code dir}: Java cannot spell such a name, the shell can. */
  private static void undecodableFolder(Path dir, String prefix) throws Exception {
    Process p = new ProcessBuilder("sh", "-c", "mkdir \"$(printf '" + prefix + "\\377')\"").directory(dir.toFile())
        .inheritIO().start();
    assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkdir of an undecodable name failed");
  }

  /** {@code stats} (or {@code convert}) of {@code data} is exit 3 with one line naming {@code file} and {@code rule}. */
  private void inputError(Path data, String format, String file, String rule, boolean convert) {
    OddEntries.inputError(data, format, file, rule, tmp.resolve("out"), convert ? "convert" : "stats");
  }

  private void detects(Path data, String format) {
    OddEntries.detects(data, format);
  }

  // ---- sidewalk, release layout (Bbox_/Polygon_/Surface_/Depth_ folders) ----

  @Test void sidewalkReleaseFolderThatIsADanglingSymlinkOrAFifo() throws Exception {
    Path data = sample("sw");
    dangling(data.resolve("Bbox_0009"));
    detects(data, "aihub.sidewalk");
    inputError(data, "aihub.sidewalk", "Bbox_0009", "dangling-symlink", true);
    fifo(data.resolve("Bbox_0009"));
    detects(data, "aihub.sidewalk");
    inputError(data, "aihub.sidewalk", "Bbox_0009", "not-a-regular-file", false);
  }

  @Test void sidewalkXmlCsvAndDepthFilesThatAreFifosOrDanglingSymlinks() throws Exception {
    Path data = sample("sw");
    Path xml = find(data, p -> p.startsWith("Bbox_") && p.endsWith(".xml"));
    fifo(xml);
    detects(data, "aihub.sidewalk"); // the other folders' XMLs still mark the family; the FIFO is not opened
    inputError(data, "aihub.sidewalk", data.relativize(xml).toString(), "not-a-regular-file", true);

    data = sample("sw2");
    Path csv = find(data, p -> p.startsWith("Polygon_") && p.endsWith(".csv"));
    dangling(csv);
    inputError(data, "aihub.sidewalk", data.relativize(csv).toString(), "dangling-symlink", false);

    data = sample("sw3");
    Path png = find(data, p -> p.startsWith("Depth_") && p.endsWith("_Confidence.png"));
    dangling(png);
    inputError(data, "aihub.sidewalk", data.relativize(png).toString(), "dangling-symlink", true);
    Files.delete(png); // a set without its Confidence file is a later finding; the listing fails first
    Path conf = find(data, p -> p.startsWith("Depth_") && p.endsWith(".conf"));
    fifo(conf);
    inputError(data, "aihub.sidewalk", data.relativize(conf).toString(), "not-a-regular-file", false);
  }

  @Test void sidewalkSurfaceMaskThatIsAFifoIsNotAMissingMask() throws Exception {
    Path data = sample("sw");
    Path mask = find(data, p -> p.startsWith("Surface_") && p.contains("/MASK/") && p.endsWith(".png"));
    fifo(mask);
    inputError(data, "aihub.sidewalk", data.relativize(mask).toString(), "not-a-regular-file", true);
  }

  @Test void sidewalkTextFilesThatAreNotUtf8() throws Exception {
    Path data = sample("sw");
    Path csv = find(data, p -> p.startsWith("Bbox_") && p.endsWith(".csv"));
    Files.write(csv, NOT_UTF8);
    inputError(data, "aihub.sidewalk", data.relativize(csv).toString(), "text-encoding", false);

    data = sample("sw2");
    Path conf = find(data, p -> p.startsWith("Depth_") && p.endsWith(".conf"));
    Files.write(conf, NOT_UTF8);
    inputError(data, "aihub.sidewalk", data.relativize(conf).toString(), "text-encoding", true);

    data = sample("sw3");
    Path xml = find(data, p -> p.startsWith("Polygon_") && p.endsWith(".xml"));
    byte[] bytes = Files.readAllBytes(xml);
    String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    int at = text.indexOf("<label>") + "<label>".length(); // inside an element's text, past the declaration
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    b.write(text.substring(0, at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    b.write(new byte[] {(byte) 0xC3, '('});
    b.write(text.substring(at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Files.write(xml, b.toByteArray());
    inputError(data, "aihub.sidewalk", data.relativize(xml).toString(), "text-encoding", false);
  }

  @Test void sidewalkOddEntryIsAValidateFinding() throws Exception {
    Path data = sample("sw");
    Path xml = find(data, p -> p.startsWith("Bbox_") && p.endsWith(".xml"));
    TestTrees.mkfifo(xml.resolveSibling("zz_pipe.xml"));
    Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> Cli.run("validate", data.toString()));
    assertEquals(1, r.exitCode(), r.toString());
    assertTrue(r.out().contains("zz_pipe.xml") && r.out().contains("not-a-regular-file"), r.out());
  }

  // ---- sidewalk, the producer's layout (Sample Data/output + rawdata) ----

  @Test void sidewalkProducerFilesThatAreFifosDanglingSymlinksOrNotUtf8() throws Exception {
    Path data = sample("producer", "--layout", "producer");
    Path raw = find(data, p -> p.contains("rawdata/") && p.contains("_bbox_raw_"));
    fifo(raw);
    detects(data, "aihub.sidewalk");
    inputError(data, "aihub.sidewalk", raw.getFileName().toString(), "not-a-regular-file", true);

    data = sample("producer2", "--layout", "producer");
    Path conf = find(data, p -> p.contains("output/") && p.endsWith(".conf"));
    dangling(conf);
    inputError(data, "aihub.sidewalk", conf.getFileName().toString(), "dangling-symlink", false);

    data = sample("producer3", "--layout", "producer");
    conf = find(data, p -> p.contains("output/") && p.endsWith(".conf"));
    Files.write(conf, NOT_UTF8);
    inputError(data, "aihub.sidewalk", conf.getFileName().toString(), "text-encoding", true);
  }

  // ---- YOLO Darknet (obj.data + train.txt; loose obj.names + images/ + labels/) ----

  @Test void darknetSubsetListThatIsADanglingSymlinkOrAFifoIsNotAbsent() throws Exception {
    Path yolo = copy("datumaro/tests/assets/yolo_dataset/strict", "strict");
    dangling(yolo.resolve("train.txt"));
    inputError(yolo, "yolo", "train.txt", "dangling-symlink", true);
    fifo(yolo.resolve("train.txt"));
    detects(yolo, "yolo");
    inputError(yolo, "yolo", "train.txt", "not-a-regular-file", false);
  }

  @Test void darknetListedImageThatIsAFifoAndNamesThatAreNotUtf8() throws Exception {
    Path yolo = copy("datumaro/tests/assets/yolo_dataset/strict", "strict");
    fifo(yolo.resolve("obj_train_data/1.jpg"));
    inputError(yolo, "yolo", "obj_train_data/1.jpg", "not-a-regular-file", true);

    yolo = copy("datumaro/tests/assets/yolo_dataset/strict", "strict2");
    Files.write(yolo.resolve("obj.names"), NOT_UTF8);
    inputError(yolo, "yolo", "obj.names", "text-encoding", false);
    yolo = copy("datumaro/tests/assets/yolo_dataset/strict", "strict3");
    Files.write(yolo.resolve("train.txt"), NOT_UTF8);
    inputError(yolo, "yolo", "train.txt", "text-encoding", true);
  }

  @Test void darknetLooseSubsetFolderThatIsADanglingSymlinkOrAFifo() throws Exception {
    Path yolo = copy("datumaro/tests/assets/yolo_dataset/labels", "loose");
    dangling(yolo.resolve("images/test"));
    inputError(yolo, "yolo", "images/test", "dangling-symlink", true);
    fifo(yolo.resolve("images/test"));
    detects(yolo, "yolo");
    inputError(yolo, "yolo", "images/test", "not-a-regular-file", false);
    Files.delete(yolo.resolve("images/test"));
    Files.write(yolo.resolve("labels/train/1.txt"), NOT_UTF8);
    inputError(yolo, "yolo", "labels/train/1.txt", "text-encoding", true);
  }

  /**
   * In {@code validate} every odd image entry of a YOLO layout is a finding of its own and the
   * rest is still read (loose Darknet and Ultralytics alike); {@code stats} stops at the first (exit 3).
   */
  @Test void oddImagesOfYoloLayoutsAreEachAValidateFinding() throws Exception {
    Path loose = copy("datumaro/tests/assets/yolo_dataset/labels", "loose-validate");
    TestTrees.mkfifo(loose.resolve("images/train/zz_pipe.jpg"));
    dangling(loose.resolve("images/train/zz_gone.jpg"));
    Path v8 = copy("cvat-ai-datumaro/tests/assets/yolo_dataset/yolov8_detection", "v8-validate");
    Path v8Images;
    try (Stream<Path> st = Files.walk(v8)) {
      v8Images = st.filter(p -> p.toString().endsWith(".jpg")).findFirst().orElseThrow().getParent();
    }
    TestTrees.mkfifo(v8Images.resolve("zz_pipe.jpg"));
    dangling(v8Images.resolve("zz_gone.jpg"));
    for (Path yolo : List.of(loose, v8)) {
      Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> Cli.run("validate", yolo.toString(), "--format", "yolo"));
      assertEquals(1, r.exitCode(), r.toString());
      assertTrue(r.out().contains("zz_pipe.jpg") && r.out().contains("not-a-regular-file"), r.out());
      assertTrue(r.out().contains("zz_gone.jpg") && r.out().contains("dangling-symlink"), r.out());
      assertTrue(r.out().contains("2 problems"), "both, and nothing else: " + r.out());
      Cli.Result stats = Cli.run("stats", yolo.toString(), "--format", "yolo", "-q");
      assertEquals(3, stats.exitCode(), stats.toString());
    }
  }

  @Test void darknetLooseNamesFileThatIsADanglingSymlinkIsNotAnotherLayout() throws Exception {
    Path yolo = copy("datumaro/tests/assets/yolo_dataset/annotations", "loose");
    dangling(yolo.resolve("obj.names"));
    inputError(yolo, "yolo", "obj.names", "dangling-symlink", true);
  }

  @Test void ultralyticsSubsetListThatIsAFifo() throws Exception {
    Path yolo = copy("cvat-ai-datumaro/tests/assets/yolo_dataset/yolov8_detection_with_subset_txt", "v8");
    fifo(yolo.resolve("train.txt"));
    inputError(yolo, "yolo", "train.txt", "not-a-regular-file", true);
    dangling(yolo.resolve("train.txt"));
    inputError(yolo, "yolo", "train.txt", "dangling-symlink", false);
  }

  // ---- YOLO classification (<subset>/<class>/<image>) ----

  @Test void classificationClassFolderThatIsADanglingSymlinkOrAFifo() throws Exception {
    Path yolo = copy("cvat-ai-datumaro/tests/assets/yolo_dataset/yolov8_classification", "cls");
    dangling(yolo.resolve("train/label_2"));
    detects(yolo, "yolo");
    inputError(yolo, "yolo", "train/label_2", "dangling-symlink", true);
    fifo(yolo.resolve("train/label_2"));
    detects(yolo, "yolo");
    inputError(yolo, "yolo", "train/label_2", "not-a-regular-file", false);
    Files.delete(yolo.resolve("train/label_2"));
    dangling(yolo.resolve("val"));
    inputError(yolo, "yolo", "val", "dangling-symlink", false);
  }

  @Test void classificationClassFolderWhoseNameIsNotUtf8() throws Exception {
    Path yolo = copy("cvat-ai-datumaro/tests/assets/yolo_dataset/yolov8_classification", "cls");
    undecodableFolder(yolo.resolve("train"), "label_");
    Path odd;
    try (Stream<Path> s = Files.list(yolo.resolve("train"))) {
      odd = s.filter(p -> p.getFileName().toString().startsWith("label_\uFFFD")).findFirst().orElseThrow();
    }
    Files.copy(yolo.resolve("train/label_0/1.jpg"), odd.resolve("9.jpg"));
    inputError(yolo, "yolo", "train/label_", "file-name-encoding", true);
  }
}
