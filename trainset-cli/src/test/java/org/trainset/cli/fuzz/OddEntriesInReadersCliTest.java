package org.trainset.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.testkit.TestTrees;
import org.trainset.cli.Cli;
import org.trainset.testkit.SharedFixtures;

/**
 * Issue 17 item 10, the readers beyond COCO/VOC/media/native: a dangling symlink or a FIFO named
 * like a file of the dataset (a YOLO image or label, a family's JSON document, info file or
 * corpus file, a DICOM file of the medical family, CVAT's annotations.xml) is an input error
 * naming the file and the rule (exit 3), never an item fewer with exit 0 and never a hang.
 */
class OddEntriesInReadersCliTest {
  @TempDir Path tmp;

  private Path copy(Path from, String name) throws Exception {
    return TestTrees.copy(from, tmp.resolve(name));
  }

  private Path sample(String family) {
    Path out = tmp.resolve(family);
    Cli.Result r = Cli.run("sample", family, "--out", out.toString(), "--items", "4", "--seed", "5");
    assertEquals(0, r.exitCode(), r.toString());
    return out;
  }

  private void dangling(Path link) throws Exception {
    OddEntries.dangling(link, tmp);
  }

  /** {@code verb} on {@code data} is exit 3 with one line naming {@code file} and {@code rule}, within two minutes. */
  private void inputError(Path data, String format, String file, String rule, String... verb) {
    OddEntries.inputError(data, format, file, rule, tmp.resolve("out"), verb);
  }

  @Test void yoloImageThatIsADanglingSymlinkOrAFifo() throws Exception {
    Path yolo = copy(SharedFixtures.external("cvat-ai-datumaro/tests/assets/yolo_dataset/yolov8_detection"), "yolo");
    dangling(yolo.resolve("images/train/2.jpg"));
    inputError(yolo, "yolo", "images/train/2.jpg", "dangling-symlink", "convert");
    Files.delete(yolo.resolve("images/train/2.jpg"));
    TestTrees.mkfifo(yolo.resolve("images/train/3.jpg"));
    inputError(yolo, "yolo", "images/train/3.jpg", "not-a-regular-file", "stats");
  }

  @Test void yoloLabelThatIsADanglingSymlink() throws Exception {
    Path yolo = copy(SharedFixtures.external("cvat-ai-datumaro/tests/assets/yolo_dataset/yolov8_detection"), "yolo");
    Files.delete(yolo.resolve("labels/train/1.txt"));
    dangling(yolo.resolve("labels/train/1.txt"));
    inputError(yolo, "yolo", "labels/train/1.txt", "dangling-symlink", "convert");
  }

  @Test void cvatAnnotationsThatAreADanglingSymlink() throws Exception {
    Path cvat = Files.createDirectories(tmp.resolve("cvat"));
    dangling(cvat.resolve("annotations.xml"));
    inputError(cvat, "cvat", "annotations.xml", "dangling-symlink", "stats");
  }

  @Test void objectsFamilyDocumentThatIsAFifoOrADanglingSymlink() throws Exception {
    Path data = sample("aihub.objects");
    Path doc;
    try (Stream<Path> s = Files.walk(data)) {
      doc = s.filter(p -> p.toString().endsWith(".json")).sorted().findFirst().orElseThrow();
    }
    TestTrees.mkfifo(doc.resolveSibling("zz_fifo.json"));
    inputError(data, "aihub.objects", "zz_fifo.json", "not-a-regular-file", "convert");
    Files.delete(doc.resolveSibling("zz_fifo.json"));
    dangling(doc.resolveSibling("zz_gone.json"));
    inputError(data, "aihub.objects", "zz_gone.json", "dangling-symlink", "stats");
  }

  @Test void ocrFamilyInfoFileThatIsAFifo() throws Exception {
    Path data = sample("aihub.ocr");
    TestTrees.mkfifo(data.resolve("zz_data_info.json"));
    inputError(data, "aihub.ocr", "zz_data_info.json", "not-a-regular-file", "convert");
  }

  @Test void corpusFamilyFileThatIsADanglingSymlinkOrAFifo() throws Exception {
    Path data = sample("aihub.corpus");
    dangling(data.resolve("3_문어체_뉴스(9).xlsx"));
    inputError(data, "aihub.corpus", "3_문어체_뉴스(9).xlsx", "dangling-symlink", "convert");
    Files.delete(data.resolve("3_문어체_뉴스(9).xlsx"));
    TestTrees.mkfifo(data.resolve("3_문어체_뉴스(8).xlsx"));
    inputError(data, "aihub.corpus", "3_문어체_뉴스(8).xlsx", "not-a-regular-file", "stats");
  }

  @Test void medicalFamilyDicomFileThatIsAFifo() throws Exception {
    Path data = sample("aihub.medical");
    Path dcm;
    try (Stream<Path> s = Files.walk(data)) {
      dcm = s.filter(p -> p.toString().endsWith(".dcm")).sorted().findFirst().orElseThrow();
    }
    TestTrees.mkfifo(dcm.resolveSibling("zz_pipe.dcm"));
    inputError(data, "aihub.medical", "zz_pipe.dcm", "not-a-regular-file", "stats");
  }
}
