package org.trainset.cli.cvat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;
import org.trainset.testkit.SharedFixtures;

/** CVAT through the real CLI: detect, stats, validate, convert, and bad input exiting 3. */
class CvatCliTest {
  @TempDir Path tmp;

  static final String JOB = "docling-eval/tests/data/cvat_pdfs_dataset_e2e/case_01_annotations.xml";

  @Test
  void detectAndStatsOnAJobExport() {
    String file = SharedFixtures.external(JOB).toString();
    Cli.Result d = Cli.run("detect", file);
    assertEquals(0, d.exitCode(), d.toString());
    assertEquals("cvat", d.firstLine());
    Cli.Result s = Cli.run("stats", file, "--json");
    assertEquals(0, s.exitCode(), s.toString());
    assertTrue(s.out().contains("\"format\":\"cvat\""), s.out());
    assertTrue(s.out().contains("\"items\":4"), s.out());
    assertTrue(s.out().contains("\"annotations\":182"), s.out());
    assertTrue(s.out().contains("\"box\":157") && s.out().contains("\"polyline\":25"), s.out());
  }

  @Test
  void validateFindsTheUndeclaredEmptyLabel() {
    // Datumaro's task export uses label="" that its meta does not declare.
    Cli.Result v = Cli.run("validate", SharedFixtures.datumaro("cvat_dataset/for_images/export_task/train.xml").toString(), "--json");
    assertEquals(1, v.exitCode(), v.toString());
    assertTrue(v.out().contains("undeclared-label"), v.out());
  }

  @Test
  void convertToCvatAndBackIsLossless() {
    Path out = tmp.resolve("out");
    Cli.Result c = Cli.run("convert", SharedFixtures.external("cvat-docs/site/content/en/docs/other/xml_format_examples/for_video_example.xml").toString(),
        "--to", "cvat", "--out", out.toString(), "--strict");
    assertEquals(0, c.exitCode(), c.toString());
    assertTrue(Files.isRegularFile(out.resolve("annotations.xml")));
    Cli.Result s = Cli.run("stats", out.toString(), "--json");
    assertTrue(s.out().contains("\"track\":2"), s.out());
  }

  @Test
  void convertFromCvatToNativeAndBack() {
    Path nat = tmp.resolve("native");
    Path back = tmp.resolve("back");
    String src = SharedFixtures.external("cvat-ai-datumaro/tests/assets/cvat_dataset/for_images/train.xml").toString();
    assertEquals(0, Cli.run("convert", src, "--to", "trainset", "--out", nat.toString()).exitCode());
    Cli.Result c = Cli.run("convert", nat.toString(), "--to", "cvat", "--out", back.toString(), "--strict");
    assertEquals(0, c.exitCode(), c.toString());
    Cli.Result s = Cli.run("stats", back.toString(), "--json");
    assertTrue(s.out().contains("\"annotations\":6") && s.out().contains("\"points\":3"), s.out());
  }

  @Test
  void doctypeIsAnInputErrorAndLeavesNoOutput() throws IOException {
    Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET-CONTENT");
    Path xml = Files.writeString(tmp.resolve("xxe.xml"), "<?xml version=\"1.0\"?>\n<!DOCTYPE annotations [<!ENTITY x SYSTEM \"file://"
        + secret.toAbsolutePath() + "\">]>\n<annotations><version>&x;</version></annotations>\n");
    Path out = tmp.resolve("converted");
    Cli.Result c = Cli.run("convert", xml.toString(), "--to", "trainset", "--out", out.toString());
    assertEquals(3, c.exitCode(), c.toString());
    assertTrue(c.err().contains("xxe.xml:2") && c.err().contains("DOCTYPE"), c.err());
    assertFalse(c.err().contains("TOP-SECRET") || c.out().contains("TOP-SECRET"), c.toString());
    assertFalse(Files.exists(out), "no output folder");
    assertNoStaging();
    Cli.Result s = Cli.run("stats", xml.toString());
    assertEquals(3, s.exitCode(), s.toString());
  }

  @Test
  void malformedItemMidFileFailsWithPositionAndKeepsEarlierOutput() throws IOException {
    Path xml = Files.writeString(tmp.resolve("bad.xml"), """
        <annotations>
          <version>1.1</version>
          <image id="0" name="a.jpg" width="10" height="10"><box label="x" xtl="1" ytl="1" xbr="2" ybr="2"/></image>
          <image id="1" name="b.jpg" width="10" height="10"><box label="x" xtl="1" ytl="1" xbr="2" ybr="2" colour="red"/></image>
        </annotations>
        """);
    Path out = Files.createDirectories(tmp.resolve("earlier"));
    Files.writeString(out.resolve("keep.txt"), "earlier run");
    Cli.Result c = Cli.run("convert", xml.toString(), "--to", "cvat", "--out", out.toString());
    assertEquals(3, c.exitCode(), c.toString());
    assertTrue(c.err().contains("bad.xml:4:") && c.err().contains("colour"), c.err());
    assertEquals("earlier run", Files.readString(out.resolve("keep.txt")));
    assertFalse(Files.exists(out.resolve("annotations.xml")));
    assertNoStaging();
    Cli.Result s = Cli.run("stats", xml.toString());
    assertEquals(3, s.exitCode(), s.toString());
    Path cut = Files.writeString(tmp.resolve("cut.xml"), "<annotations>\n<version>1.1</version>\n<image id=\"0\" name=\"a\"");
    Cli.Result t = Cli.run("stats", cut.toString());
    assertEquals(3, t.exitCode(), t.toString());
    assertTrue(t.err().contains("cut.xml:3:"), t.err());
  }

  @Test
  void unsupportedShapeIsAFindingForValidateAndAnInputErrorOtherwise() throws IOException {
    Path xml = Files.writeString(tmp.resolve("ellipse.xml"), """
        <annotations><version>1.1</version>
          <image id="0" name="a.jpg" width="10" height="10">
            <box label="x" xtl="1" ytl="1" xbr="2" ybr="2"/>
            <ellipse label="x" cx="5" cy="5" rx="2" ry="1"/>
          </image>
        </annotations>
        """);
    Cli.Result v = Cli.run("validate", xml.toString(), "--json");
    assertEquals(1, v.exitCode(), v.toString());
    assertTrue(v.out().contains("cvat-unsupported-shape") && v.out().contains("\"line\":4"), v.out());
    Cli.Result s = Cli.run("stats", xml.toString());
    assertEquals(3, s.exitCode(), s.toString());
    assertTrue(s.err().contains("ellipse.xml:4") && s.err().contains("[item a.jpg]"), s.err());
  }

  private void assertNoStaging() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      assertFalse(s.anyMatch(p -> p.getFileName().toString().contains("staging")), "staging folder left behind");
    }
  }
}
