package org.trainset.families.sidewalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.core.Datasets;
import org.trainset.core.FormatRegistry;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Item;
import org.trainset.core.model.Mask;
import org.trainset.core.model.Polygon;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.issue.Issue;
import org.trainset.core.spi.ReadOptions;

/**
 * Issue 16 item 3: the producer's own {@code Sample Data/output|rawdata} layout, made by the
 * generator from the release sample of the same seed (names exactly as the issue gives them,
 * labels without {@code <color>}, a radio attribute named {@code attribute}, per-set ZED .conf).
 */
class SidewalkProducerLayoutTest {
  static final int ITEMS = 12;
  static final FormatRegistry REGISTRY = FormatRegistry.load();
  @TempDir Path dir;

  private Path producer() throws IOException {
    Path p = dir.resolve("producer");
    new SidewalkSampleGenerator().generate(p, new SampleOptions(ITEMS, 5, false, "producer"));
    return p;
  }

  private static List<Item> read(Path root, ReadOptions options) throws IOException {
    return Datasets.readAll(Datasets.plan(REGISTRY.require("aihub.sidewalk"), root, options), options);
  }

  @Test
  void namesFollowTheIssueAndTheLayoutIsDetectedAndRead() throws IOException {
    Path root = producer();
    Path data = root.resolve("Sample Data");
    for (String f : new String[] {"output/Sidewalk_A01_bbox_output_000001_1.xml", "rawdata/Sidewalk_A01_bbox_raw_000001_1.jpg",
        "output/Sidewalk_A01_surface_output_000003_1.xml", "rawdata/Sidewalk_A01_surface_mask_000003_1.png",
        "rawdata/Sidewalk_A01_depth_disp16_000004_1.png", "rawdata/Sidewalk_A01_depth_confidencesave_000004_1.png",
        "rawdata/Sidewalk_A01_depth_L_000004_1.png", "rawdata/Sidewalk_A01_depth_right_000004_1.png",
        "output/Sidewalk_A01_depth_output_000004_1.conf"}) {
      assertTrue(Files.isRegularFile(data.resolve(f)), f);
    }
    String xml = Files.readString(data.resolve("output/Sidewalk_A01_surface_output_000003_1.xml"));
    assertTrue(!xml.contains("<color>") && xml.contains("<input_type>radio</input_type>")
        && xml.contains("<name>attribute</name>"), xml);
    for (Path p : new Path[] {root, data, data.resolve("output")}) {
      assertEquals("aihub.sidewalk", REGISTRY.detectAll(p).get(0).format().id(), p.toString());
    }
    List<Item> items = read(root, ReadOptions.defaults());
    assertEquals(ITEMS, items.size());
    Map<String, Long> kinds = items.stream().collect(Collectors.groupingBy(i -> (String) i.attributes().get("folder_kind"),
        Collectors.counting()));
    assertEquals(Map.of("bbox", 4L, "polygon", 4L, "surface", 2L, "depth", 2L), kinds);
    Item depth = items.stream().filter(i -> "depth".equals(i.attributes().get("folder_kind"))).findFirst().orElseThrow();
    assertEquals(DepthPart.ROLES, depth.media().stream().map(m -> m.info().get("role")).toList());
    assertEquals(1080, depth.media().get(6).height(), "L is the raw left frame (taller)");
    assertEquals(592, depth.media().get(4).height(), "left is the crop");
    assertTrue(((Map<?, ?>) depth.attributes().get("calibration")).containsKey("LEFT_CAM_2K"));
    assertTrue((Double) depth.attributes().get("confidence_ratio") > 0.2);
    Item box = items.stream().filter(i -> i.id().equals("Sidewalk_A01_bbox_raw_000001_1.jpg")).findFirst().orElseThrow();
    assertTrue(Files.isRegularFile(data.resolve(box.primaryMedia().path())));
    Item surface = items.stream().filter(i -> "surface".equals(i.attributes().get("folder_kind"))).findFirst().orElseThrow();
    assertTrue(surface.annotations().stream().filter(a -> a instanceof Polygon)
        .allMatch(a -> a.meta().attributes().containsKey("attribute") || a.label().equals("bike_lane")));
  }

  @Test
  void maskColoursAreInferredFromThePolygonsAndMatchTheReleaseReading() throws IOException {
    Path release = dir.resolve("release");
    new SidewalkSampleGenerator().generate(release, new SampleOptions(ITEMS, 5, false));
    List<Item> fromRelease = read(release, ReadOptions.defaults()).stream()
        .filter(i -> "surface".equals(i.attributes().get("folder_kind"))).toList();
    List<Item> fromProducer = read(producer(), ReadOptions.defaults()).stream()
        .filter(i -> "surface".equals(i.attributes().get("folder_kind"))).toList();
    assertEquals(fromRelease.size(), fromProducer.size());
    for (int i = 0; i < fromRelease.size(); i++) {
      List<Mask> expected = masks(fromRelease.get(i));
      List<Mask> actual = masks(fromProducer.get(i));
      assertTrue(expected.size() >= 3, "surfaces in the sample");
      assertEquals(expected.stream().map(Mask::label).toList(), actual.stream().map(Mask::label).toList());
      for (int k = 0; k < expected.size(); k++) {
        assertEquals(expected.get(k).withMeta(actual.get(k).meta()), actual.get(k), "pixels of " + expected.get(k).label());
      }
      Item p = fromProducer.get(i);
      assertTrue(!p.attributes().containsKey("mask_unknown_colours"), p.attributes().toString());
      Map<?, ?> inferred = (Map<?, ?>) p.attributes().get("mask_inferred_colours");
      assertEquals("sidewalk", inferred.get("#0000ff"), inferred.toString());
    }
  }

  @Test
  void aColourStraddlingTwoSurfacesIsReportedAmbiguous() throws IOException {
    Path root = producer();
    Path mask = root.resolve("Sample Data/rawdata/Sidewalk_A01_surface_mask_000003_1.png");
    BufferedImage img = ImageIO.read(mask.toFile());
    // a colour painted over as many sidewalk pixels as roadway pixels: no label has it mostly
    int sidewalk = 0x0000ff;
    int roadway = 0x808080;
    int budget = 3000;
    int[] taken = new int[2];
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int c = img.getRGB(x, y) & 0xFFFFFF;
        int k = c == sidewalk ? 0 : c == roadway ? 1 : -1;
        if (k >= 0 && taken[k] < budget) {
          taken[k]++;
          img.setRGB(x, y, 0x123456);
        }
      }
    }
    assertEquals(budget, Math.min(taken[0], taken[1]), "both surfaces are in the mask");
    ImageIO.write(img, "png", mask.toFile());
    List<Issue> warnings = new ArrayList<>();
    List<Item> items = read(root, ReadOptions.defaults().withProblems(warnings::add));
    Item surface = items.stream().filter(i -> i.id().equals("Sidewalk_A01_surface_raw_000003_1.jpg")).findFirst().orElseThrow();
    assertTrue(((List<?>) surface.attributes().get("mask_unknown_colours")).contains("#123456"), surface.attributes().toString());
    assertTrue(warnings.stream().anyMatch(p -> p.rule().equals("sidewalk-mask-colour-ambiguous")
        && p.message().contains("#123456")), warnings.toString());
  }

  @Test
  void aDepthSetMissingAFileIsAnErrorNotZeroItems() throws IOException {
    Path root = producer();
    Files.delete(root.resolve("Sample Data/rawdata/Sidewalk_A01_depth_L_000004_1.png"));
    InputException e = assertThrows(InputException.class, () -> read(root, ReadOptions.defaults()));
    assertTrue(e.getMessage().contains("sidewalk-depth-incomplete") && e.getMessage().contains("Raw_Left"), e.getMessage());
    try (Stream<Path> s = Files.list(root.resolve("Sample Data/rawdata"))) {
      for (Path p : s.filter(f -> f.getFileName().toString().contains("_depth_")).toList()) Files.delete(p);
    }
    List<Issue> problems = new ArrayList<>();
    List<Item> items = read(root, ReadOptions.defaults().withProblems(problems::add));
    assertEquals(2, items.stream().filter(i -> "depth".equals(i.attributes().get("folder_kind"))).count(),
        "a .conf without its images is still a set, reported incomplete");
    assertTrue(problems.stream().filter(p -> p.rule().equals("sidewalk-depth-incomplete")).count() >= 16, problems.toString());
  }

  private static List<Mask> masks(Item it) {
    return it.annotations().stream().filter(a -> a instanceof Mask).map(a -> (Mask) a).toList();
  }
}
