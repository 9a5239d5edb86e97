package org.trainset.families.face;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.trainset.core.Datasets;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Box;
import org.trainset.core.model.Item;
import org.trainset.core.model.Points;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.sample.SampleSummary;
import org.trainset.core.issue.Issue;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.sample.SampleGenerator;
import org.trainset.testkit.GeneratedSampleContract;

/** The contract on generator output, grid attributes, grid completeness and the label txt. */
class FaceFormatTest extends GeneratedSampleContract {
  static final int ITEMS = 17;

  @Override protected String formatId() { return "aihub.face"; }

  @Override protected SampleGenerator generator() { return new FaceSampleGenerator(); }

  @Override protected SampleOptions sampleOptions() { return new SampleOptions(ITEMS, 2, false); }

  @Test
  void gridParametersBecomeAttributes() throws IOException {
    List<Item> items = readAll(sample());
    Item first = items.get(0);
    assertEquals("High_Resolution/19062401/S001/L1/E01/C1", first.id());
    assertEquals(Map.of("resolution", "High", "person", "19062401", "session", "S001", "light", "L1",
        "expression", "E01", "camera", "C1", "gender", "female", "age_group", "20s"), first.attributes(),
        "grid from the path, gender and age group from subjects.csv");
    assertEquals(192, first.width());
    Item second = items.stream().filter(i -> i.attributes().get("person").equals("19062408")).findFirst().orElseThrow();
    assertEquals("Middle", second.attributes().get("resolution"));
    assertEquals(128, second.width());
  }

  @Test
  void landmarksAreInTheDocumentedOrderAndInsideTheFaceBox() throws IOException {
    for (Item i : readAll(sample())) {
      Points p = (Points) i.annotations().get(0);
      assertEquals(7, p.count());
      Box face = (Box) i.annotations().get(1);
      assertEquals("face", face.label());
      for (int k = 0; k < 5; k++) {
        assertTrue(p.x(k) >= face.x() && p.x(k) <= face.x2() && p.y(k) >= face.y() && p.y(k) <= face.y2(), i.id() + " point " + k);
      }
      assertTrue(p.x(1) < p.x(2), "right eye (image left) before left eye in " + i.id());
      Box leftEye = (Box) i.annotations().stream().filter(a -> a.label().equals("left_eye")).findFirst().orElseThrow();
      assertTrue(p.x(2) >= leftEye.x() && p.x(2) <= leftEye.x2(), "left eye landmark in left eye box");
    }
  }

  @Test
  void missingShotsAreReportedPerPerson() throws IOException {
    Path dir = tempDir.resolve("defects");
    SampleSummary s = new FaceSampleGenerator().generate(dir, new SampleOptions(24, 2, true));
    assertEquals(23, s.items());
    List<Issue> problems = new ArrayList<>();
    ReadOptions collect = ReadOptions.defaults().withProblems(problems::add);
    List<Item> items = Datasets.readAll(Datasets.plan(format(), dir, collect), collect);
    assertEquals(23, items.size());
    assertEquals(1, problems.size(), problems.toString());
    assertEquals("face-grid-incomplete", problems.get(0).rule());
    var missing = s.defects().stream().filter(d -> d.kind().equals("missing-shot")).findFirst().orElseThrow();
    assertTrue(problems.get(0).message().contains(missing.detail().replace(" not captured", "")), problems + " vs " + missing);
    var swapped = s.defects().stream().filter(d -> d.kind().equals("swapped-landmarks")).findFirst().orElseThrow();
    Points p = (Points) items.stream().filter(i -> i.id().equals(swapped.item())).findFirst().orElseThrow().annotations().get(0);
    assertTrue(p.x(1) > p.x(2), "swapped eyes are visible in the data");
  }

  @Test
  void aSingleResolutionFolderReadsWithTheSameIds() throws IOException {
    Path high = sample().resolve("High_Resolution");
    assertEquals("aihub.face", REGISTRY.detect(high).id());
    List<Item> items = readAll(high);
    assertEquals(12, items.size());
    assertEquals(readAll(sample()).subList(0, 12), items);
  }

  @Test
  void malformedLabelLineNamesFileLineAndColumn() throws IOException {
    Path dir = sample();
    Path txt = dir.resolve("High_Resolution/19062401/S001/L1/E01/C2.txt");
    List<String> lines = new ArrayList<>(Files.readAllLines(txt));
    lines.set(8, "10 x2 30 40");
    Files.write(txt, lines, StandardCharsets.UTF_8);
    InputException e = assertThrows(InputException.class, () -> readAll(dir));
    assertEquals("face-label-number", e.rule());
    assertEquals(9, e.line());
    assertEquals(4, e.column());
  }

  @Test
  void sameSeedSameBytes() throws IOException {
    Path a = tempDir.resolve("a");
    Path b = tempDir.resolve("b");
    new FaceSampleGenerator().generate(a, new SampleOptions(14, 9, true));
    new FaceSampleGenerator().generate(b, new SampleOptions(14, 9, true));
    try (Stream<Path> s = Files.walk(a)) {
      for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
        assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(b.resolve(a.relativize(f).toString())), f.toString());
      }
    }
  }
}
