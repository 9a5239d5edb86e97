package org.trainset.families.ocr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.trainset.core.model.Box;
import org.trainset.core.model.Caption;
import org.trainset.core.model.Item;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.sample.SampleGenerator;
import org.trainset.testkit.GeneratedSampleContract;

/** The contract on generator output, and that boxes sit on the text they describe. */
class OcrFormatTest extends GeneratedSampleContract {
  static final int ITEMS = 8;

  @Override protected String formatId() { return "aihub.ocr"; }

  @Override protected SampleGenerator generator() { return new OcrSampleGenerator(); }

  @Override protected SampleOptions sampleOptions() { return new SampleOptions(ITEMS, 5, false); }

  @Test
  void layoutIsTheReleaseLayout() throws IOException {
    Path dir = sample();
    assertTrue(Files.isRegularFile(dir.resolve("textinthewild_data_info.json")));
    assertTrue(Files.isRegularFile(dir.resolve("printed_data_info.json")));
    assertTrue(Files.isRegularFile(dir.resolve("Signboard/00000001.jpg")));
    assertTrue(Files.isRegularFile(dir.resolve("Goods/00000002.jpg")));
    assertTrue(Files.isRegularFile(dir.resolve("printed/syllable/00000001.png")));
    String json = Files.readString(dir.resolve("textinthewild_data_info.json"));
    assertTrue(json.contains("\"id\":\"00000001\""), "zero-padded string image ids");
    assertTrue(json.contains("\"text\":null"), "ignored regions carry null text");
  }

  @Test
  void ignoredRegionsHaveNullTextAndAtMostTwentyAreTranscribed() throws IOException {
    List<Item> items = readAll(sample());
    long ignored = 0;
    for (Item i : items) {
      long transcribed = 0;
      for (var a : i.annotations()) {
        if (!(a instanceof Box b)) continue;
        if (b.label().equals("ignored")) {
          ignored++;
          assertNull(b.meta().attributes().get("text"), "ignored region without text");
        } else {
          transcribed++;
          assertTrue(b.meta().attributes().get("text") instanceof String);
        }
      }
      assertTrue(transcribed <= 20, i.id() + " has " + transcribed);
    }
    assertTrue(ignored >= 2, "busy sign has ignored regions");
    Item busy = items.stream().filter(i -> i.id().equals("00000003")).findFirst().orElseThrow();
    assertEquals(20, busy.annotations().stream().filter(a -> !a.label().equals("ignored")).count());
  }

  @Test
  void everyBoxCoversDarkTextPixelsOnItsImage() throws IOException {
    Path dir = sample();
    for (Item i : readAll(dir)) {
      if (i.annotations().isEmpty() || !(i.annotations().get(0) instanceof Box)) continue;
      BufferedImage img = ImageIO.read(dir.resolve(i.primaryMedia().path()).toFile());
      assertEquals(i.width(), img.getWidth());
      for (var a : i.annotations()) {
        Box b = (Box) a;
        assertTrue(b.x() >= 0 && b.y() >= 0 && b.x2() <= img.getWidth() && b.y2() <= img.getHeight(), "inside " + b);
        assertTrue(inkShare(img, b) > 0.08, i.id() + " box " + b.meta().id() + " has text ink: " + inkShare(img, b));
      }
    }
  }

  /** Share of pixels in the box that differ strongly from the box's border colour. */
  static double inkShare(BufferedImage img, Box b) {
    int x0 = (int) b.x();
    int y0 = (int) b.y();
    int bg = img.getRGB(Math.max(0, x0 - 1), Math.max(0, y0 - 1));
    long ink = 0;
    long all = 0;
    for (int y = y0; y < (int) b.y2(); y++) {
      for (int x = x0; x < (int) b.x2(); x++) {
        int p = img.getRGB(x, y);
        int d = Math.abs(((p >> 16) & 255) - ((bg >> 16) & 255)) + Math.abs(((p >> 8) & 255) - ((bg >> 8) & 255))
            + Math.abs((p & 255) - (bg & 255));
        if (d > 120) ink++;
        all++;
      }
    }
    return all == 0 ? 0 : (double) ink / all;
  }

  @Test
  void cropsAreCaptionsLabelledByType() throws IOException {
    List<Item> crops = readAll(sample()).stream().filter(i -> i.id().startsWith("printed/")).toList();
    assertEquals(ITEMS / 4, crops.size());
    Caption c = (Caption) crops.get(0).annotations().get(0);
    assertEquals("글자(음절)", c.label());
    assertEquals(1, c.text().length());
  }

  @Test
  void sameSeedSameBytes() throws IOException {
    Path a = tempDir.resolve("a");
    Path b = tempDir.resolve("b");
    new OcrSampleGenerator().generate(a, new SampleOptions(6, 9, true));
    new OcrSampleGenerator().generate(b, new SampleOptions(6, 9, true));
    try (Stream<Path> s = Files.walk(a)) {
      for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
        assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(b.resolve(a.relativize(f).toString())), f.toString());
      }
    }
  }
}
