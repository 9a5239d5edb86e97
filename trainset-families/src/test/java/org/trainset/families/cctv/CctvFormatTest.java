package org.trainset.families.cctv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.trainset.core.model.Item;
import org.trainset.core.model.TimeEvent;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.issue.Issue;
import org.trainset.core.spi.ReadOptions;
import org.trainset.testkit.FormatContract;

/** The contract on generator output; MP4 headers agree with the XML unless a defect says not. */
class CctvFormatTest extends FormatContract {
  static final int ITEMS = 5;

  @Override protected String formatId() { return "aihub.cctv"; }

  @Override protected Path sample() throws IOException {
    Path dir = tempDir.resolve("cctv");
    if (!Files.exists(dir)) new CctvSampleGenerator().generate(dir, new SampleOptions(ITEMS, 3, false));
    return dir;
  }

  @Override protected long expectedItems() { return ITEMS; }
  @Override protected long expectedAnnotations() { return ITEMS * 3; }
  @Override protected Map<String, Long> expectedByType() { return Map.of("time_event", ITEMS * 3L); }

  @Test
  void clipsCarryTheirMp4TimingAndCategory() throws IOException {
    List<Item> items = readAll(sample());
    Item first = items.get(0);
    assertEquals("01.폭행(assault)/assault_0001", first.id());
    assertEquals("assault", first.attributes().get("class"));
    assertEquals(10.0, first.primaryMedia().info().get("fps"));
    assertEquals(30L, first.primaryMedia().info().get("frames"));
    assertEquals(3.0, first.primaryMedia().info().get("duration"));
    assertEquals(160, first.width());
    assertFalse(first.attributes().containsKey("mp4Disagreements"));
    TimeEvent action = (TimeEvent) first.annotations().get(1);
    assertEquals("punching", action.label());
    assertEquals(((Number) action.meta().attributes().get("startFrame")).doubleValue() / 10, action.start(), 1e-9);
    TimeEvent event = (TimeEvent) first.annotations().get(0);
    assertEquals(event.start(), action.start(), 0.051);
  }

  @Test
  void shortTimesAndZeroFrameHeadersRead() throws IOException {
    List<Item> items = readAll(sample());
    TimeEvent e = (TimeEvent) items.get(1).annotations().get(0);
    assertEquals("00:01", e.meta().attributes().get("starttime"));
    assertEquals(1.0, e.start());
    assertEquals(2.0, e.end());
    Item zero = items.get(4);
    assertEquals("0", ((Map<?, ?>) zero.attributes().get("header")).get("frames"));
    assertFalse(zero.attributes().containsKey("mp4Disagreements"), "0 frames is 'unknown', not a disagreement");
  }

  @Test
  void plantedDisagreementsAreReportedAndRecorded() throws IOException {
    Path dir = tempDir.resolve("defects");
    var summary = new CctvSampleGenerator().generate(dir, new SampleOptions(8, 3, true));
    List<Issue> problems = new ArrayList<>();
    ReadOptions collect = ReadOptions.defaults().withProblems(problems::add);
    List<Item> items = Datasets.readAll(Datasets.plan(format(), dir, collect), collect);
    List<String> rules = problems.stream().map(Issue::rule).sorted().toList();
    assertEquals(List.of("cctv-action-frames", "cctv-event-beyond-clip", "cctv-fps-mismatch", "cctv-frames-mismatch"), rules);
    assertEquals(4, summary.defects().size());
    for (var d : summary.defects()) {
      Item i = items.stream().filter(x -> x.id().equals(d.item())).findFirst().orElseThrow();
      assertTrue(i.attributes().containsKey("mp4Disagreements"), d.toString());
    }
  }

  @Test
  void sameSeedSameBytes() throws IOException {
    Path a = tempDir.resolve("a");
    Path b = tempDir.resolve("b");
    new CctvSampleGenerator().generate(a, new SampleOptions(3, 9, true));
    new CctvSampleGenerator().generate(b, new SampleOptions(3, 9, true));
    try (Stream<Path> s = Files.walk(a)) {
      for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
        assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(b.resolve(a.relativize(f).toString())), f.toString());
      }
    }
  }
}
