package org.trainset.cli.realfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;
import org.trainset.testkit.SharedFixtures;

/**
 * Issue 16 item 4: a family rule pack or a format named on data it does not recognise is an input
 * error (exit 3) saying what it expected, not "0 findings" or "0 items".
 */
class NothingRecognisedCliTest {
  @TempDir Path tmp;

  private Path mediaFolder() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("photos"));
    Files.copy(SharedFixtures.external("cvat-ai-datumaro/tests/assets/yolo_dataset/yolov8_detection/images/train/1.jpg"),
        dir.resolve("1.jpg"));
    assertEquals("media", Cli.run("detect", dir.toString()).firstLine());
    return dir;
  }

  @Test void familyPacksOnAMediaFolder() throws Exception {
    Path dir = mediaFolder();
    for (String pack : new String[] {"aihub.sidewalk", "aihub.medical"}) {
      Cli.Result r = Cli.run("inspect", dir.toString(), "--rules", pack);
      assertEquals(3, r.exitCode(), r.toString());
      assertTrue(r.err().contains("pack-not-applicable") && r.err().contains("rule pack '" + pack + "' recognised nothing")
          && r.err().contains("read as 'media'") && r.err().contains("it expects"), r.err());
    }
  }

  @Test void aFamilyPackOnItsOwnSampleStillRuns() throws Exception {
    Path sample = tmp.resolve("sidewalk");
    assertEquals(0, Cli.run("sample", "aihub.sidewalk", "--out", sample.toString()).exitCode());
    Cli.Result r = Cli.run("inspect", sample.toString(), "--rules", "aihub.sidewalk");
    assertEquals(0, r.exitCode(), r.toString());
  }

  @Test void aFormatNamedOnDataThatIsNotIt() throws Exception {
    Cli.Result r = Cli.run("stats", mediaFolder().toString(), "--format", "aihub.medical");
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains("format-not-found") && r.err().contains("format 'aihub.medical' recognises nothing here")
        && r.err().contains("it expects"), r.err());
  }
}
