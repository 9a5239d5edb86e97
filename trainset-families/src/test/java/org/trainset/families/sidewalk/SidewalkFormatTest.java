package org.trainset.families.sidewalk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.trainset.core.Datasets;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Item;
import org.trainset.core.model.Mask;
import org.trainset.core.model.MediaRef;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.sample.SampleSummary;
import org.trainset.core.issue.Issue;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.sample.SampleGenerator;
import org.trainset.testkit.GeneratedSampleContract;

/** The contract on generator output; CSV join, masks, depth sets; findings and bad input. */
class SidewalkFormatTest extends GeneratedSampleContract {
  static final int ITEMS = 8;

  @Override protected String formatId() { return "aihub.sidewalk"; }

  @Override protected SampleGenerator generator() { return new SidewalkSampleGenerator(); }

  @Override protected SampleOptions sampleOptions() { return new SampleOptions(ITEMS, 7, false); }

  private Item item(List<Item> items, String id) {
    return items.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id));
  }

  @Test
  void releaseLayoutWithEnvironmentJoined() throws IOException {
    Path dir = sample();
    for (String f : new String[] {"Bbox_0001/Bbox_0001.xml", "Bbox_0001/Bbox_0001.csv", "Polygon_0001/MP_SEL_000002.jpg",
        "Surface_001/MASK/MP_SEL_000003.png", "Depth_001/ZED1_Depth_001.conf", "Depth_001/ZED1_KSC_000004_Raw_Left.png"}) {
      assertTrue(Files.isRegularFile(dir.resolve(f)), f);
    }
    assertTrue(Files.readString(dir.resolve("Bbox_0001/Bbox_0001.xml")).contains("<flipped>False</flipped>"));
    List<Item> items = readAll(dir);
    Item box = item(items, "Bbox_0001/MP_SEL_000001.jpg");
    assertEquals("Bbox_0001/MP_SEL_000001.jpg", box.primaryMedia().path());
    assertTrue(Files.isRegularFile(dir.resolve(box.primaryMedia().path())));
    assertEquals("bbox", box.attributes().get("folder_kind"));
    assertTrue(List.of("day", "night").contains(box.attributes().get("day_night")), box.attributes().toString());
    assertTrue(List.of("rain", "no_rain").contains(box.attributes().get("rain")));
    assertTrue(box.annotations().stream().allMatch(a -> SidewalkLabels.OBSTACLES.contains(a.label())));
  }

  @Test
  void depthSetIsOneItemOfEightFilesWithConfidenceRatio() throws IOException {
    Item d = item(readAll(sample()), "Depth_001/ZED1_KSC_000004");
    assertEquals(8, d.media().size());
    assertEquals(List.of("Disparity16", "Disparity", "Confidence_save", "Confidence", "Crop_Left", "Crop_Right",
        "Raw_Left", "Raw_Right"), d.media().stream().map(m -> m.info().get("role")).toList());
    MediaRef raw = d.media().get(6);
    assertEquals(1920, raw.width());
    assertEquals(1080, raw.height());
    assertEquals(592, d.media().get(4).height());
    assertEquals(Math.round(1e4 * (592 - 150) / 592.0) / 1e4, (Double) d.attributes().get("confidence_ratio"), 1e-9);
    Map<?, ?> stereo = (Map<?, ?>) ((Map<?, ?>) d.attributes().get("calibration")).get("STEREO");
    assertEquals(119.915, stereo.get("Baseline"));
  }

  @Test
  void surfaceMasksFollowTheColourMapAndMatchThePolygons() throws IOException {
    Item s = item(readAll(sample()), "Surface_001/MP_SEL_000003.jpg");
    List<Mask> masks = s.annotations().stream().filter(a -> a instanceof Mask).map(a -> (Mask) a).toList();
    assertEquals(List.of("braille_guide_blocks", "caution_zone", "roadway", "sidewalk"), masks.stream().map(Mask::label).toList());
    for (Mask m : masks) {
      double iou = (Double) m.meta().attributes().get("polygon_iou");
      assertTrue(iou > (m.label().equals("sidewalk") ? 0.9 : 0.98), m.label() + " iou " + iou);
    }
    assertEquals("manhole", s.annotations().stream().filter(a -> a.label().equals("caution_zone"))
        .findFirst().orElseThrow().meta().attributes().get("attribute"));
  }

  @Test
  void unknownMaskColoursLowConfidenceAndMissingRowsAreFindings() throws IOException {
    Path dir = tempDir.resolve("defects");
    SampleSummary s = new SidewalkSampleGenerator().generate(dir, new SampleOptions(24, 3, true));
    List<String> kinds = s.defects().stream().map(SampleSummary.PlantedDefect::kind).distinct().sorted().toList();
    assertEquals(List.of("box-off-object", "low-confidence", "mask-colour-unknown", "missing-environment",
        "missing-object", "polygon-off-object", "surface-overlap", "too-small", "wrong-label"), kinds);
    List<Issue> problems = new ArrayList<>();
    ReadOptions collect = ReadOptions.defaults().withProblems(problems::add);
    List<Item> items = Datasets.readAll(Datasets.plan(format(), dir, collect), collect);
    String stray = s.defects().stream().filter(d -> d.kind().equals("mask-colour-unknown")).findFirst().orElseThrow().item();
    assertEquals(List.of("#7f7f00"), item(items, stray).attributes().get("mask_unknown_colours"));
    assertTrue(problems.stream().noneMatch(p -> stray.equals(p.item())), "a guideline matter, not a format problem: " + problems);
    String low = s.defects().stream().filter(d -> d.kind().equals("low-confidence")).findFirst().orElseThrow().item();
    assertTrue((Double) item(items, low).attributes().get("confidence_ratio") < 0.2);
    String noRow = s.defects().stream().filter(d -> d.kind().equals("missing-environment")).findFirst().orElseThrow().item();
    assertTrue(!item(items, noRow).attributes().containsKey("day_night"));
  }

  @Test
  void aPlainCvatExportIsLeftToCvatAndABadCsvRowNamesFileAndLine() throws IOException {
    Path dir = sample();
    Path plain = tempDir.resolve("plain");
    Files.createDirectories(plain);
    Files.copy(dir.resolve("Bbox_0001/Bbox_0001.xml"), plain.resolve("annotations.xml"));
    assertEquals("cvat", REGISTRY.detect(plain).id());
    Path one = dir.resolve("Polygon_0001");
    assertEquals("aihub.sidewalk", REGISTRY.detect(one).id(), "a single release folder");
    Files.writeString(one.resolve("Polygon_0001.csv"), "file_name,day_night,rain,time\nMP_SEL_000002.jpg,day,rain\n");
    InputException e = assertThrows(InputException.class, () -> readAll(dir));
    assertTrue(e.getMessage().contains("Polygon_0001.csv:2:"), e.getMessage());
  }

  @Test
  void sameSeedSameBytes() throws IOException {
    Path a = tempDir.resolve("a");
    Path b = tempDir.resolve("b");
    new SidewalkSampleGenerator().generate(a, new SampleOptions(7, 9, true));
    new SidewalkSampleGenerator().generate(b, new SampleOptions(7, 9, true));
    try (Stream<Path> st = Files.walk(a)) {
      for (Path f : st.filter(Files::isRegularFile).sorted().toList()) {
        assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(b.resolve(a.relativize(f).toString())), f.toString());
      }
    }
  }
}
