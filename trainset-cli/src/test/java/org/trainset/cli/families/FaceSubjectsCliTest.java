package org.trainset.cli.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;

/**
 * Issue 16 item 14 for faces: subjects balanced by gender and age group (a dataset rule over
 * distinct people, from subjects.csv) and images matching their declared resolution condition.
 */
class FaceSubjectsCliTest {
  @TempDir Path dir;

  @Test
  void balanceAndResolutionAreCheckedByTheFacePack() throws IOException {
    Path in = dir.resolve("faces");
    assertEquals(0, Cli.run("sample", "aihub.face", "--out", in.toString(), "--items", "96").exitCode());
    assertTrue(Files.readString(in.resolve("subjects.csv")).startsWith("person,gender,age_group\n"));
    Cli.Result clean = Cli.run("inspect", in.toString(), "--rules", "aihub.face", "--json", "--max-shown", "1000");
    for (String rule : new String[] {"face.gender-balance", "face.age-balance", "face.resolution-size"}) {
      assertFalse(clean.out().contains(rule), rule + " on the balanced sample: " + clean.out());
    }
    // everyone female, and a Low_Resolution shot replaced by a 400 px image
    String sheet = Files.readString(in.resolve("subjects.csv")).replace(",male,", ",female,");
    Files.writeString(in.resolve("subjects.csv"), sheet);
    Path low;
    try (Stream<Path> s = Files.walk(in.resolve("Low_Resolution"))) {
      low = s.filter(p -> p.toString().endsWith(".jpg")).sorted().findFirst().orElseThrow();
    }
    ImageIO.write(new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB), "jpg", low.toFile());
    Cli.Result bad = Cli.run("inspect", in.toString(), "--rules", "aihub.face", "--json", "--max-shown", "1000");
    assertEquals(1, bad.exitCode(), bad.toString());
    assertTrue(bad.out().contains("face.gender-balance") && bad.out().contains("100.0%"), bad.out());
    assertTrue(bad.out().contains("face.resolution-size") && bad.out().contains("400x400"), bad.out());
    assertFalse(bad.out().contains("face.age-balance"), bad.out());
  }
}
