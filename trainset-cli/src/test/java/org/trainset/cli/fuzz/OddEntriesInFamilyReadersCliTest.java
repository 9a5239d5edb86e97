package org.trainset.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;
import org.trainset.testkit.PythonOracle;
import org.trainset.testkit.TestTrees;

/**
 * Issue 17 item 10 for the face, x-ray, motion and CCTV families: a dangling symlink or a FIFO
 * where a file or a folder of the dataset is expected (a shot, a label txt, a person, sample or
 * camera folder, a COCO JSON, a clip XML or MP4, a frame document) is an input error naming it
 * (exit 3, one line) or a finding for {@code validate}, never fewer items with exit 0 and never a
 * hang; a file whose text is not UTF-8 is one line naming the file; detection on such a folder
 * still answers.
 */
class OddEntriesInFamilyReadersCliTest {
  @TempDir Path tmp;

  private Path sample(String family) {
    return sample(family, family);
  }

  private Path sample(String family, String folder) {
    Path out = tmp.resolve(folder);
    Cli.Result r = Cli.run("sample", family, "--out", out.toString(), "--items", "4", "--seed", "5", "-q");
    assertEquals(0, r.exitCode(), r.toString());
    return out;
  }

  /** The first file (in path order) under {@code data} whose path relative to it matches {@code regex}. */
  private static Path first(Path data, String regex) throws Exception {
    try (Stream<Path> s = Files.walk(data)) {
      return s.filter(p -> data.relativize(p).toString().replace('\\', '/').matches(regex)).sorted().findFirst()
          .orElseThrow(() -> new AssertionError("no " + regex + " under " + data));
    }
  }

  private void dangling(Path link) throws Exception {
    OddEntries.dangling(link, tmp);
  }

  private static void fifo(Path p) throws Exception {
    OddEntries.fifo(p);
  }

  /** Bytes that are not UTF-8 in the middle of the file's text. */
  private static void notUtf8(Path p) throws Exception {
    byte[] b = Files.readAllBytes(p);
    int at = b.length / 2;
    byte[] out = new byte[b.length + 2];
    System.arraycopy(b, 0, out, 0, at);
    out[at] = (byte) 0xC3;
    out[at + 1] = (byte) 0x28; // a lead byte without its continuation
    System.arraycopy(b, at, out, at + 2, b.length - at);
    Files.write(p, out);
  }

  /**
   * {@code stats} and {@code convert} of {@code data} are exit 3 with one line naming {@code file}
   * and, when given, {@code rule}, free of library class names; within two minutes (a FIFO opened
   * would block); and the failed conversion leaves no output.
   */
  private void inputError(Path data, String format, Path file, String rule) {
    OddEntries.inputError(data, format, data.relativize(file).toString(), rule, tmp.resolve("out"), "stats", "convert");
  }

  /** A dangling symlink, then a FIFO, at {@code at}: each is an input error naming it (the FIFO stays). */
  private void danglingAndFifo(Path data, String format, Path at) throws Exception {
    dangling(at);
    inputError(data, format, at, "dangling-symlink");
    fifo(at);
    inputError(data, format, at, "not-a-regular-file");
  }

  /** {@code detect} still names {@code family} (odd entries are not opened, nor do they throw). */
  private void detects(Path data, String family) {
    OddEntries.detects(data, family);
  }

  @Test void faceShotLabelAndPersonFolder() throws Exception {
    Path data = sample("aihub.face");
    Path shot = first(data, ".*_Resolution/\\d{8}/S\\d{3}/L\\d+/E\\d{2}/C\\d+\\.jpg");
    Path extra = shot.resolveSibling("C99.jpg");
    dangling(extra);
    inputError(data, "aihub.face", extra, "dangling-symlink");
    Cli.Result validate = Cli.run("validate", data.toString(), "--format", "aihub.face");
    assertEquals(1, validate.exitCode(), validate.toString());
    assertTrue(validate.out().contains("dangling-symlink") && validate.out().contains("C99.jpg"), validate.toString());
    fifo(extra);
    inputError(data, "aihub.face", extra, "not-a-regular-file");
    detects(data, "aihub.face");
    Files.delete(extra);

    Path txt = Path.of(shot.toString().replaceFirst("\\.jpg$", ".txt"));
    Path kept = Files.move(txt, tmp.resolve("kept.txt"));
    fifo(txt);
    inputError(data, "aihub.face", txt, "not-a-regular-file");
    Files.delete(txt);
    Files.move(kept, txt);
    notUtf8(txt);
    inputError(data, "aihub.face", txt, "not valid UTF-8");

    Path data2 = sample("aihub.face", "face2");
    Path person = first(data2, "High_Resolution/\\d{8}").resolveSibling("99999999");
    danglingAndFifo(data2, "aihub.face", person);
    Files.delete(person);
    fifo(data2.resolve("subjects.csv"));
    inputError(data2, "aihub.face", data2.resolve("subjects.csv"), "not-a-regular-file");
  }

  @Test void xrayAnnotationsAndSampleFolder() throws Exception {
    Path data = sample("aihub.xray");
    Path json = first(data, ".*/(Single|Multiple)_\\w+/[^/]+\\.json");
    Path folder = json.getParent();
    dangling(folder.resolve("zz_gone.xml"));
    inputError(data, "aihub.xray", folder.resolve("zz_gone.xml"), "dangling-symlink");
    Files.delete(folder.resolve("zz_gone.xml"));
    TestTrees.mkfifo(folder.resolve("zz_pipe.png"));
    detects(data, "aihub.xray");
    Files.delete(folder.resolve("zz_pipe.png"));

    Path kept = Files.move(json, tmp.resolve("kept.json"));
    fifo(json);
    inputError(data, "aihub.xray", json, "not-a-regular-file");
    Files.delete(json);
    Files.move(kept, json);
    notUtf8(json);
    inputError(data, "aihub.xray", json, null);

    Path data2 = sample("aihub.xray", "xray2");
    Path folder2 = data2.resolve(data.relativize(folder));
    Path sampleFolder = null;
    for (String name : new String[] {"Single_Default", "Single_Other", "Multiple_Categories", "Multiple_Other"}) {
      if (!Files.exists(folder2.resolveSibling(name))) sampleFolder = folder2.resolveSibling(name);
    }
    assertTrue(sampleFolder != null, "a sample folder name free beside " + folder2);
    danglingAndFifo(data2, "aihub.xray", sampleFolder);
    Files.delete(sampleFolder);
    Path xml = first(data2, ".*/(Single|Multiple)_\\w+/[^/]+\\.xml");
    notUtf8(xml);
    inputError(data2, "aihub.xray", xml, null);
  }

  @Test void motionFramesCameraParametersAndCameraFolder() throws Exception {
    Path data = sample("aihub.motion");
    Path frame = first(data, "Annotation/2D/[^/]+/[^/]+/[^/]+\\.json");
    Path extra = frame.resolveSibling("zz_gone.json");
    danglingAndFifo(data, "aihub.motion", extra);
    detects(data, "aihub.motion");
    Files.delete(extra);

    Path camera = first(data, "Annotation/3D/[^/]+/camera/[^/]+\\.json");
    Path kept = Files.move(camera, tmp.resolve("kept.json"));
    danglingAndFifo(data, "aihub.motion", camera);
    Files.delete(camera);
    Files.move(kept, camera);

    notUtf8(frame);
    inputError(data, "aihub.motion", frame, null);

    Path data2 = sample("aihub.motion", "motion2");
    Path cameraFolder = first(data2, "Annotation/2D/[^/]+/[^/]+").resolveSibling("zz-1-001-C9");
    danglingAndFifo(data2, "aihub.motion", cameraFolder);
  }

  @Test void cctvClipXmlAndVideo() throws Exception {
    Path data = sample("aihub.cctv");
    Path xml = first(data, ".*\\.xml");
    Path extra = xml.resolveSibling("zz_gone.xml");
    danglingAndFifo(data, "aihub.cctv", extra);
    detects(data, "aihub.cctv");
    Files.delete(extra);

    Path mp4 = Path.of(xml.toString().replaceFirst("\\.xml$", ".mp4"));
    Path kept = Files.move(mp4, tmp.resolve("kept.mp4"));
    danglingAndFifo(data, "aihub.cctv", mp4);
    Files.delete(mp4);
    Files.move(kept, mp4);

    notUtf8(xml);
    inputError(data, "aihub.cctv", xml, null);
  }

  @Test void aFolderNameThatIsNotUtf8IsReportedNotLost() throws Exception {
    Path data = sample("aihub.motion");
    Path camera = first(data, "Annotation/2D/[^/]+/[^/]+");
    // a copy of a camera folder whose name ends in Latin-1 "é": not valid UTF-8
    PythonOracle.run("import json, sys, os, shutil\nd = json.load(sys.stdin)['dir']\n"
        + "shutil.copytree(os.fsencode(d), os.fsencode(d) + b'caf\\xe9')\nprint('{}')\n", java.util.Map.of("dir", camera.toString()));
    Cli.Result r = Cli.run("stats", data.toString(), "--format", "aihub.motion");
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains("file-name-encoding") && r.err().contains(camera.getFileName() + "caf"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  private static int items(Path data, String format) throws Exception {
    Cli.Result r = Cli.run("stats", data.toString(), "--format", format, "--json", "-q");
    assertTrue(r.exitCode() == 0 || r.exitCode() == 1, r.toString());
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).get("items").asInt();
  }

  /** Symlinks to folders are followed where a folder is expected: a linked person folder and a linked dataset read in full. */
  @Test void symlinkedFoldersAreRead() throws Exception {
    Path data = sample("aihub.face");
    int before = items(data, "aihub.face");
    Path person = first(data, "High_Resolution/\\d{8}");
    int shots;
    try (Stream<Path> s = Files.walk(person)) {
      shots = (int) s.filter(p -> p.toString().endsWith(".jpg")).count();
    }
    Path elsewhere = TestTrees.copy(person, tmp.resolve("elsewhere"));
    Files.createSymbolicLink(person.resolveSibling("99999998"), elsewhere);
    assertTrue(shots > 0);
    assertEquals(before + shots, items(data, "aihub.face"));
    Path link = Files.createSymbolicLink(tmp.resolve("linked-face"), data);
    assertEquals(before + shots, items(link, "aihub.face"));

    Path motion = sample("aihub.motion");
    assertEquals(items(motion, "aihub.motion"), items(Files.createSymbolicLink(tmp.resolve("linked-motion"), motion), "aihub.motion"));
  }
}
