package org.trainset.families.objects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Box;
import org.trainset.core.model.Item;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.sample.SampleSummary;
import org.trainset.core.sample.SampleGenerator;
import org.trainset.testkit.GeneratedSampleContract;

/** The contract on generator output, the 35 attributes, unknown keys and bad documents. */
class ObjectsFormatTest extends GeneratedSampleContract {
  static final int ITEMS = 6;

  @Override protected String formatId() { return "aihub.objects"; }

  @Override protected SampleGenerator generator() { return new ObjectsSampleGenerator(); }

  @Override protected SampleOptions sampleOptions() { return new SampleOptions(ITEMS, 3, false); }

  @Test
  void everyDocumentHasTheThirtyFiveAttributes() throws IOException {
    Path dir = sample();
    assertTrue(Files.isRegularFile(dir.resolve("상품/잡화/PR_000002.json")));
    assertTrue(Files.isRegularFile(dir.resolve("상품/잡화/PR_000002.jpg")));
    for (Item i : readAll(dir)) {
      int count = 3; // file_name, width, height are the media
      count += i.attributes().size();
      Box b = (Box) i.annotations().get(0);
      int objectKeys = 3 + b.meta().attributes().size(); // id, label, bbox
      assertEquals(13, objectKeys, i.id());
      assertEquals(12 + 10, count, i.id() + " " + i.attributes().keySet());
      assertTrue(((Map<?, ?>) b.meta().attributes().get("ontology")).get("class").toString().startsWith("adam:"));
    }
  }

  @Test
  void boxesSitOnDrawnObjects() throws IOException {
    Path dir = sample();
    for (Item i : readAll(dir)) {
      BufferedImage img = ImageIO.read(dir.resolve(i.primaryMedia().path()).toFile());
      assertEquals(640, img.getWidth());
      for (var a : i.annotations()) {
        Box b = (Box) a;
        assertTrue(b.x() >= 0 && b.x2() <= img.getWidth() && b.y2() <= img.getHeight(), b.toString());
        int bg = img.getRGB(2, 2);
        int cx = (int) (b.x() + b.width() / 2);
        int cy = (int) (b.y() + b.height() * 0.6);
        assertTrue(Math.abs((img.getRGB(cx, cy) & 255) - (bg & 255)) > 10
            || Math.abs(((img.getRGB(cx, cy) >> 16) & 255) - ((bg >> 16) & 255)) > 10, i.id() + " object at box centre");
      }
    }
  }

  @Test
  void unknownKeysAreKeptAndMalformedBoxesNameTheField() throws IOException {
    Path dir = tempDir.resolve("hand");
    Files.createDirectories(dir.resolve("상품"));
    Files.writeString(dir.resolve("상품/a.json"), "{\"image\":{\"file_name\":\"a.jpg\",\"width\":10,\"height\":10,"
        + "\"rights\":\"x\"},\"environment\":{\"weather\":\"맑음\"},\"objects\":[{\"id\":7,\"label\":\"가방\","
        + "\"bbox\":[1,2,3,4],\"ontology\":{\"class\":\"adam:Bag\"},\"grade\":\"A\"}],\"reviewer\":\"kim\"}");
    Item it = readAll(dir).get(0);
    assertEquals("상품/a", it.id());
    assertEquals("상품/a.jpg", it.primaryMedia().path());
    assertEquals("x", it.attributes().get("rights"));
    assertEquals("kim", it.attributes().get("reviewer"));
    assertEquals("A", it.annotations().get(0).meta().attributes().get("grade"));
    assertEquals("7", it.annotations().get(0).meta().id());
    Files.writeString(dir.resolve("상품/a.json"), "{\"image\":{\"file_name\":\"a.jpg\"},\"environment\":{},"
        + "\"objects\":[{\"label\":\"가방\",\"bbox\":[1,2,\"3\"],\"ontology\":{}}]}");
    InputException e = assertThrows(InputException.class, () -> readAll(dir));
    assertTrue(e.getMessage().contains("a.json") && e.getMessage().contains("/objects/0/bbox"), e.getMessage());
  }

  @Test
  void defectsAreListedAndSameSeedSameBytes() throws IOException {
    Path a = tempDir.resolve("a");
    Path b = tempDir.resolve("b");
    SampleSummary s = new ObjectsSampleGenerator().generate(a, new SampleOptions(8, 9, true));
    new ObjectsSampleGenerator().generate(b, new SampleOptions(8, 9, true));
    assertEquals(List.of("box-off-object", "missing-attribute", "unmapped-ontology", "box-outside-image"),
        s.defects().stream().map(d -> d.kind()).toList());
    try (Stream<Path> st = Files.walk(a)) {
      List<Path> files = st.filter(Files::isRegularFile).sorted().toList();
      assertEquals(16, files.size());
      for (Path f : files) {
        assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(b.resolve(a.relativize(f).toString())), f.toString());
      }
    }
  }
}
