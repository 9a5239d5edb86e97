package org.trainset.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.testkit.TestTrees;
import org.trainset.cli.Cli;
import org.trainset.testkit.PythonOracle;
import org.trainset.testkit.SharedFixtures;

/**
 * Issue 17 item 10: what a dataset folder should never hold unnoticed — a dangling symlink, a
 * FIFO (which would block a reader that opens it), a file name that is not valid UTF-8 — is an
 * input error naming the path (exit 3) when reading and a finding for {@code validate}, never a
 * silent drop in the item count and never a hang; and a file hidden by an over-long string is
 * explained by {@code detect --explain} instead of a bare unknown format.
 */
class OddDatasetEntriesCliTest {
  @TempDir Path tmp;

  private Path copy(Path from, String name) throws Exception {
    return TestTrees.copy(from, tmp.resolve(name));
  }

  @Test
  void aDanglingSymlinkAndAFifoInAMediaFolderAreNamedNotDropped() throws Exception {
    Path media = Files.createDirectories(tmp.resolve("media"));
    Files.copy(SharedFixtures.datumaro("coco_dataset/coco/images/train/a.jpg"), media.resolve("a.jpg"));
    Files.createSymbolicLink(media.resolve("gone.jpg"), tmp.resolve("nowhere.jpg"));
    TestTrees.mkfifo(media.resolve("pipe.jpg"));
    assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
      Cli.Result stats = Cli.run("stats", media.toString(), "--format", "media");
      assertEquals(3, stats.exitCode(), stats.toString());
      assertTrue(stats.err().contains("gone.jpg") && stats.err().contains("dangling-symlink"), stats.err());
      assertEquals(1, stats.err().strip().lines().count(), stats.err());

      Cli.Result validate = Cli.run("validate", media.toString(), "--format", "media");
      assertEquals(1, validate.exitCode(), validate.toString());
      assertTrue(validate.out().contains("dangling-symlink") && validate.out().contains("not-a-regular-file")
          && validate.out().contains("pipe.jpg"), validate.toString());

      Cli.Result detect = Cli.run("detect", media.toString());
      assertEquals(0, detect.exitCode(), "detection skips the FIFO instead of blocking on it: " + detect);
    });
  }

  @Test
  void aDanglingAnnotationFileInVocIsAnInputErrorWithItsPath() throws Exception {
    Path voc = copy(SharedFixtures.datumaro("voc_dataset/voc_dataset1"), "voc");
    Files.createSymbolicLink(voc.resolve("Annotations/2007_000009.xml"), tmp.resolve("deleted.xml"));
    Path out = tmp.resolve("out");
    Cli.Result r = Cli.run("convert", voc.toString(), "--to", "coco", "--out", out.toString());
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains("Annotations/2007_000009.xml") && r.err().contains("dangling-symlink"), r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void aFifoNamedLikeACocoFileNeitherHangsNorIsSkipped() throws Exception {
    Path coco = copy(SharedFixtures.datumaro("coco_dataset/coco"), "coco");
    TestTrees.mkfifo(coco.resolve("annotations/captions_test.json"));
    assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
      Cli.Result r = Cli.run("stats", coco.toString());
      assertEquals(3, r.exitCode(), r.toString());
      assertTrue(r.err().contains("captions_test.json") && r.err().contains("not-a-regular-file"), r.err());
    });
  }

  @Test
  void aFileNameThatIsNotUtf8IsReportedNotLost() throws Exception {
    Path media = Files.createDirectories(tmp.resolve("names"));
    Files.copy(SharedFixtures.datumaro("coco_dataset/coco/images/train/a.jpg"), media.resolve("a.jpg"));
    // the name's bytes are Latin-1 "café.jpg": not valid UTF-8
    PythonOracle.run("import json, sys, os\nd = json.load(sys.stdin)['dir']\n"
        + "open(os.path.join(os.fsencode(d), b'caf\\xe9.jpg'), 'wb').write(open(os.path.join(d, 'a.jpg'), 'rb').read())\n"
        + "print('{}')\n", java.util.Map.of("dir", media.toString()));
    Cli.Result validate = Cli.run("validate", media.toString(), "--format", "media");
    assertEquals(1, validate.exitCode(), validate.toString());
    assertTrue(validate.out().contains("file-name-encoding") && validate.out().contains("caf"), validate.toString());
    Cli.Result stats = Cli.run("stats", media.toString(), "--format", "media");
    assertEquals(3, stats.exitCode(), stats.toString());
  }

  @Test
  void detectionExplainsAFileWhoseKeysHideBehindAHugeString() throws Exception {
    Path f = tmp.resolve("instances_x.json");
    Files.writeString(f, "{\"info\": {\"description\": \"" + "x".repeat(200_000) + "\"}, \"images\": [], \"annotations\": []}");
    Cli.Result r = Cli.run("detect", f.toString(), "--explain");
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.out().contains("end inside one string value before COCO's keys"), r.toString());
    Cli.Result read = Cli.run("stats", f.toString(), "--format", "coco", "--max-string-length", "1000");
    assertEquals(3, read.exitCode(), read.toString());
    assertTrue(read.err().contains("--max-string-length") && read.err().contains("instances_x.json"), read.err());
  }

  @Test
  void dataYamlGoesThroughTheConfigLimits() throws Exception {
    Path yolo = copy(SharedFixtures.external("cvat-ai-datumaro/tests/assets/yolo_dataset/yolov8_detection"), "yolo");
    String yaml = Files.readString(yolo.resolve("data.yaml"));
    Files.writeString(yolo.resolve("data.yaml"), yaml + "\nnote: " + "y".repeat(5000) + "\n");
    Cli.Result r = Cli.run("stats", yolo.toString(), "--max-string-length", "1000");
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains("data.yaml") && r.err().contains("1000"), r.err());
  }
}
