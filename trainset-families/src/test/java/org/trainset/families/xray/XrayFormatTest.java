package org.trainset.families.xray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Box;
import org.trainset.core.model.Item;
import org.trainset.core.model.LabelDef;
import org.trainset.core.model.Polygon;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.sample.SampleSummary;
import org.trainset.core.sample.SampleGenerator;
import org.trainset.testkit.GeneratedSampleContract;

/** The contract on generator output; id gaps, polygon/box join and derivation, makers, bad input. */
class XrayFormatTest extends GeneratedSampleContract {
  static final int ITEMS = 12;

  @Override protected String formatId() { return "aihub.xray"; }

  @Override protected SampleGenerator generator() { return new XraySampleGenerator(); }

  @Override protected SampleOptions sampleOptions() { return new SampleOptions(ITEMS, 8, false); }

  @Test
  void categoriesKeepIdGapsAndOriginalSpellings() throws IOException {
    List<LabelDef> labels = plan(sample()).schema().labels();
    assertEquals(38, labels.size());
    assertEquals(1, labels.get(0).id());
    assertEquals(41, labels.get(37).id());
    List<Integer> ids = labels.stream().map(LabelDef::id).toList();
    for (int gap : new int[] {14, 35, 40}) assertTrue(!ids.contains(gap), "gap " + gap);
    assertEquals(22, plan(sample()).schema().label("PrtableGas").orElseThrow().id());
    assertEquals(30, plan(sample()).schema().label("SupplymentaryBattery").orElseThrow().id());
    String json = Files.readString(sample().resolve("Astrophysics/Knife/Single_Default/Knife_Single_Default.json"));
    assertTrue(json.contains("{\"id\":13,\"name\":\"HDD\",\"supercategory\":\"\"},{\"id\":15,\"name\":\"Knife\""), "gap in the file");
  }

  @Test
  void vocBoxesAreThePolygonsBoundsAndShareTheirGroup() throws IOException {
    for (Item it : readAll(sample())) {
      List<Polygon> polys = it.annotations().stream().filter(a -> a instanceof Polygon).map(a -> (Polygon) a).toList();
      List<Box> boxes = it.annotations().stream().filter(a -> a instanceof Box).map(a -> (Box) a).toList();
      assertEquals(polys.size(), boxes.size(), it.id());
      for (Box b : boxes) {
        Polygon p = polys.stream().filter(q -> q.meta().group().equals(b.meta().group())).findFirst().orElseThrow();
        double[] bounds = XrayJoin.bounds(p);
        assertArrayEquals(bounds, new double[] {b.x(), b.y(), b.x2(), b.y2()}, 1e-9, it.id());
        assertEquals(p.label(), b.label());
      }
      assertTrue(XrayLayout.MAKERS.contains(it.attributes().get("maker")));
      boolean single = it.attributes().get("sample").toString().startsWith("Single");
      assertTrue(single ? polys.size() == 1 : polys.size() >= 2, it.id() + " has " + polys.size() + " objects");
    }
  }

  @Test
  void makersHaveTheirOwnPseudoColoursAndSampleFoldersTheirComposition() throws IOException {
    Path dir = sample();
    Item rapiscan = readAll(dir).stream().filter(i -> i.attributes().get("maker").equals("Rapiscan")).findFirst().orElseThrow();
    BufferedImage img = ImageIO.read(dir.resolve(rapiscan.primaryMedia().path()).toFile());
    int corner = img.getRGB(1, 1) & 0xFFFFFF;
    int expected = XrayScene.PALETTES.get("Rapiscan")[0].getRGB() & 0xFFFFFF;
    assertTrue(Math.abs((corner & 255) - (expected & 255)) <= 3, Integer.toHexString(corner));
    Item multi = readAll(dir).stream().filter(i -> i.attributes().get("sample").equals("Multiple_Other")).findFirst().orElseThrow();
    assertEquals("multiple", multi.attributes().get("composition"));
    assertEquals("non-item", multi.attributes().get("contents"));
  }

  @Test
  void withoutVocFilesBoxesAreDerivedFromPolygons() throws IOException {
    Path dir = tempDir.resolve("novoc");
    new XraySampleGenerator().generate(dir, new SampleOptions(3, 1, false));
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path x : s.filter(p -> p.toString().endsWith(".xml")).toList()) Files.delete(x);
    }
    List<Item> items = readAll(dir);
    assertEquals(3, items.size());
    for (Item it : items) {
      Box b = (Box) it.annotations().stream().filter(a -> a instanceof Box).findFirst().orElseThrow();
      assertEquals("polygon", b.meta().source());
    }
  }

  @Test
  void defectsAndSameSeedSameBytes() throws IOException {
    Path a = tempDir.resolve("a");
    Path b = tempDir.resolve("b");
    SampleSummary s = new XraySampleGenerator().generate(a, new SampleOptions(6, 2, true));
    new XraySampleGenerator().generate(b, new SampleOptions(6, 2, true));
    assertEquals(List.of("box-polygon-mismatch", "wrong-category", "missing-annotation"),
        s.defects().stream().map(d -> d.kind()).toList());
    try (Stream<Path> st = Files.walk(a)) {
      for (Path f : st.filter(Files::isRegularFile).sorted().toList()) {
        assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(b.resolve(a.relativize(f).toString())), f.toString());
      }
    }
  }

  @Test
  void brokenCocoJsonNamesTheFile() throws IOException {
    Path dir = tempDir.resolve("bad");
    new XraySampleGenerator().generate(dir, new SampleOptions(1, 1, false));
    Path json = dir.resolve("Astrophysics/Knife/Single_Default/Knife_Single_Default.json");
    Files.writeString(json, Files.readString(json).replace("\"segmentation\":[[", "\"segmentation\":[[,"));
    InputException e = assertThrows(InputException.class, () -> readAll(dir));
    assertTrue(e.getMessage().contains("Knife_Single_Default.json"), e.getMessage());
  }
}
