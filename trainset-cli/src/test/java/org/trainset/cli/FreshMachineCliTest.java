package org.trainset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A machine without the Debian packages a verb needs: the verb stops with exit 3 and one line
 * naming the package, and {@code trainset doctor} lists what is missing. The packages' absence is
 * simulated by pointing the override properties at a folder that holds nothing.
 */
class FreshMachineCliTest {
  static <T> T without(String property, Path nowhere, Callable<T> body) throws Exception {
    String before = System.getProperty(property);
    System.setProperty(property, nowhere.toString());
    try {
      return body.call();
    } finally {
      if (before == null) System.clearProperty(property);
      else System.setProperty(property, before);
    }
  }

  static void assertOneLineNaming(Cli.Result r, String debianPackage) {
    assertEquals(3, r.exitCode(), r.toString());
    assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    assertTrue(r.err().contains("install Debian package " + debianPackage), r.err());
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
  }

  @Test void sampleWithoutTheCjkFontNamesFontsNotoCjk(@TempDir Path tmp) throws Exception {
    Cli.Result r = without("trainset.cjkFont", tmp.resolve("no-font.ttc"),
        () -> Cli.run("sample", "aihub.objects", "--out", tmp.resolve("s").toString(), "--items", "2"));
    assertOneLineNaming(r, "fonts-noto-cjk");
    assertFalse(Files.exists(tmp.resolve("s")), "no partial output");
    assertEquals(0, Cli.run("sample", "aihub.objects", "--out", tmp.resolve("s").toString(), "--items", "2").exitCode(),
        "with the font back the same command works");
  }

  @Test void haarWithoutOpencvDataNamesThePackage(@TempDir Path tmp) throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Cli.Result r = without("trainset.haarDir", tmp.resolve("no-cascades"),
        () -> Cli.run("deid", "images", in.toString(), "--out", tmp.resolve("out").toString(), "--haar", "face"));
    assertOneLineNaming(r, "opencv-data");
  }

  @Test void doctorListsPresentAndMissing(@TempDir Path tmp) throws Exception {
    Cli.Result ok = Cli.run("doctor");
    assertEquals(0, ok.exitCode(), ok.toString()); // scripts/install-test-deps installed everything
    assertTrue(ok.out().contains("fonts-noto-cjk") && ok.out().contains("opencv-data") && ok.out().contains("python3-pydicom"), ok.out());
    Cli.Result missing = without("trainset.haarDir", tmp, () -> without("trainset.cjkFont", tmp.resolve("none.ttc"),
        () -> Cli.run("doctor")));
    assertEquals(1, missing.exitCode(), missing.toString());
    assertTrue(missing.out().lines().anyMatch(l -> l.startsWith("MISSING") && l.contains("fonts-noto-cjk")), missing.out());
    assertTrue(missing.out().contains("install: apt-get install fonts-noto-cjk opencv-data"), missing.out());
    Cli.Result json = without("trainset.haarDir", tmp, () -> Cli.run("doctor", "--json"));
    assertEquals(1, json.exitCode());
    JsonNode root = new ObjectMapper().readTree(json.out());
    assertFalse(root.get("verbsReady").asBoolean());
    assertEquals("opencv-data", root.get("missingPackages").get(0).asText());
    boolean fontPresent = false;
    for (JsonNode r : root.get("requirements")) {
      if (r.get("debianPackage").asText().equals("fonts-noto-cjk")) fontPresent = r.get("present").asBoolean();
    }
    assertTrue(fontPresent, json.out());
  }

  @Test void anUnknownVerbIsAUsageErrorEvenWithHelp() {
    for (String[] args : new String[][] {{"frobnicate", "--help"}, {"frobnicate"}, {"deid", "frobnicate", "--help"}}) {
      Cli.Result r = Cli.run(args);
      assertEquals(2, r.exitCode(), String.join(" ", args) + "\n" + r);
      assertTrue(r.err().contains("'frobnicate'"), r.err());
      assertEquals("", r.out(), "no help on stdout");
    }
    assertEquals(0, Cli.run("--help").exitCode());
    assertEquals(0, Cli.run("deid", "--help").exitCode());
    assertEquals(0, Cli.run("deid", "dicom", "--help").exitCode());
  }
}
