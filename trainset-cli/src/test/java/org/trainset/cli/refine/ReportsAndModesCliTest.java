package org.trainset.cli.refine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;
import org.trainset.testkit.images.SyntheticImages;

/**
 * dedup, filter and deid images put their reports inside the output folder (beside a single-file
 * output), and every output gets the modes a newly created file or folder gets here (the umask's),
 * not the owner-only modes of temporary files.
 */
class ReportsAndModesCliTest {
  @TempDir Path tmp;
  Set<PosixFilePermission> fileMode;
  Set<PosixFilePermission> dirMode;

  @BeforeEach void normalModes() throws Exception {
    fileMode = Files.getPosixFilePermissions(Files.createFile(tmp.resolve("probe-file")));
    dirMode = Files.getPosixFilePermissions(Files.createDirectory(tmp.resolve("probe-dir")));
    assertTrue(fileMode.contains(PosixFilePermission.OTHERS_READ), "test needs a umask that lets others read: " + fileMode);
  }

  void assertNormalModes(Path root) throws Exception {
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.toList()) {
        Set<PosixFilePermission> want = Files.isDirectory(p) ? dirMode : fileMode;
        assertEquals(PosixFilePermissions.toString(want), PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
      }
    }
  }

  void assertNoStaging() throws Exception {
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList());
    }
  }

  Path imageDataset() throws Exception {
    Path media = Files.createDirectories(tmp.resolve("media"));
    SyntheticImages.writeJpeg(SyntheticImages.scene(1, 160, 120), media.resolve("a.jpg"), 0.9f);
    Files.copy(media.resolve("a.jpg"), media.resolve("b.jpg"));
    RefineFixtures.dataset(tmp.resolve("ds"), media, List.of(RefineFixtures.tagged("a", "a.jpg", "face"),
        RefineFixtures.tagged("b", "b.jpg", "face")));
    return tmp.resolve("ds");
  }

  @Test void dedupImagesReportsInsideOut() throws Exception {
    Path out = tmp.resolve("out");
    Cli.Result r = Cli.run("dedup", "images", imageDataset().toString(), "--out", out.toString(), "--json");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(Files.isRegularFile(out.resolve("dedup.json")) && Files.isRegularFile(out.resolve("dedup.html")));
    assertFalse(Files.exists(tmp.resolve("out.dedup.json")) || Files.exists(tmp.resolve("out.dedup.html")));
    assertTrue(r.out().contains(out.resolve("dedup.json").toString()), r.out());
    assertEquals("trainset", Cli.run("detect", out.toString()).firstLine(), "the reports do not change what OUT is");
    assertEquals(0, Cli.run("validate", out.toString()).exitCode());
    assertNormalModes(out);
    assertNoStaging();
  }

  @Test void deidImagesReportsInsideOut() throws Exception {
    Path out = tmp.resolve("clean");
    Cli.Result r = Cli.run("deid", "images", imageDataset().toString(), "--out", out.toString(), "--labels", "face");
    // tags have no geometry: nothing to blur, but the run and its reports are complete
    assertEquals(0, r.exitCode(), r.toString());
    for (String n : List.of("deid.json", "deid.html", "deid-regions.json")) {
      assertTrue(Files.isRegularFile(out.resolve(n)), n);
      assertFalse(Files.exists(tmp.resolve("clean." + n)), n);
    }
    assertEquals("trainset", Cli.run("detect", out.toString()).firstLine());
    assertNormalModes(out);
    assertNoStaging();
  }

  @Test void filterReportBesideASingleFileOutput() throws Exception {
    Path in = tmp.resolve("in.tsv");
    Files.writeString(in, "id\tsource\ttarget\nok\t나는 오늘 아침에 학교에 갔다\tI went to school this morning.\n"
        + "short\t안녕\tHi\n");
    Path out = tmp.resolve("kept.tsv");
    Cli.Result r = Cli.run("filter", in.toString(), "--out", out.toString(), "--min-eojeol", "2");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(Files.isRegularFile(tmp.resolve("kept.tsv.filter.json")), r.toString());
    assertNormalModes(out);
    assertNormalModes(tmp.resolve("kept.tsv.filter.json"));
  }

  @Test void plotsHaveNormalModes() throws Exception {
    StringBuilder truth = new StringBuilder("id,label\n");
    StringBuilder scores = new StringBuilder("id,score\n");
    for (int i = 0; i < 40; i++) {
      truth.append("c").append(i).append(',').append(i % 3 == 0 ? 1 : 0).append('\n');
      scores.append("c").append(i).append(',').append((i * 37 % 41) / 41.0 + (i % 3 == 0 ? 0.3 : 0)).append('\n');
    }
    Files.writeString(tmp.resolve("t.csv"), truth);
    Files.writeString(tmp.resolve("s.csv"), scores);
    Path png = tmp.resolve("roc.png");
    Cli.Result r = Cli.run("eval", "classify", "--truth", tmp.resolve("t.csv").toString(), "--scores",
        tmp.resolve("s.csv").toString(), "--plot", png.toString());
    assertEquals(0, r.exitCode(), r.toString());
    assertNormalModes(png);
  }
}
