package org.trainset.families.cctv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.core.Datasets;
import org.trainset.core.FormatRegistry;
import org.trainset.core.convert.Conversion;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Item;
import org.trainset.core.model.TimeEvent;
import org.trainset.core.progress.Progress;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.spi.ReadOptions;

/** Hand-written clip XML for the time and frame edge cases, and the ActivityNet export. */
class CctvEdgeCaseTest {
  static final FormatRegistry REGISTRY = FormatRegistry.load();
  @TempDir Path dir;

  @Test
  void timeFormats() {
    assertEquals(83.4, CctvTime.parse("00:01:23.4"), 1e-9);
    assertEquals(83.0, CctvTime.parse("01:23"), 1e-9);
    assertEquals(12.5, CctvTime.parse("12.5"), 1e-9);
    assertEquals(3723.0, CctvTime.parse("1:02:03"), 1e-9);
    assertNull(CctvTime.parse("00:75"));
    assertNull(CctvTime.parse("-00:10"));
    assertNull(CctvTime.parse("ab:cd"));
    assertEquals("00:01:23.4", CctvTime.format(83.4));
    assertEquals("01:23", CctvTime.formatShort(83));
  }

  /** A clip whose XML says MM:SS and a negative frame count, next to a real generated MP4. */
  private Path clip(String header, String event) throws IOException {
    Path src = dir.resolve("gen");
    new CctvSampleGenerator().generate(src, new SampleOptions(1, 1, false));
    Path folder = dir.resolve("in/03.절도(burglary)");
    Files.createDirectories(folder);
    Files.copy(src.resolve("01.폭행(assault)/assault_0001.mp4"), folder.resolve("clip_7.mp4"));
    Files.writeString(folder.resolve("clip_7.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<annotation>\n"
        + "  <filename>clip_7.mp4</filename>\n  <header>\n" + header + "  </header>\n" + event
        + "  <object>\n    <objectname>person_1</objectname>\n    <action>\n      <actionname>picking</actionname>\n"
        + "      <frame>\n        <start>10</start>\n        <end>20</end>\n      </frame>\n    </action>\n  </object>\n"
        + "</annotation>\n", StandardCharsets.UTF_8);
    return dir.resolve("in");
  }

  private List<Item> read(Path root) throws IOException {
    var f = REGISTRY.require("aihub.cctv");
    return Datasets.readAll(Datasets.plan(f, root, ReadOptions.defaults()), ReadOptions.defaults());
  }

  @Test
  void mmssTimesAndNegativeFrameCountsRead() throws IOException {
    Path root = clip("    <fps>10</fps>\n    <frames>-1</frames>\n",
        "  <event>\n    <eventname>burglary</eventname>\n    <starttime>00:01</starttime>\n    <duration>00:02</duration>\n  </event>\n");
    assertEquals("aihub.cctv", REGISTRY.detect(root).id());
    Item item = read(root).get(0);
    assertEquals("03.절도(burglary)/clip_7", item.id());
    assertEquals("burglary", item.attributes().get("class"));
    assertEquals("-1", ((Map<?, ?>) item.attributes().get("header")).get("frames"));
    TimeEvent e = (TimeEvent) item.annotations().get(0);
    assertEquals(1.0, e.start());
    assertEquals(3.0, e.end());
    TimeEvent a = (TimeEvent) item.annotations().get(1);
    assertEquals(1.0, a.start());
    assertEquals(2.0, a.end());
    assertEquals(30L, item.primaryMedia().info().get("frames"));
  }

  @Test
  void zeroFpsFallsBackToTheMp4Rate() throws IOException {
    Path root = clip("    <fps>0</fps>\n    <frames>0</frames>\n",
        "  <event>\n    <eventname>burglary</eventname>\n    <starttime>00:00:00.5</starttime>\n    <duration>00:00:01.0</duration>\n  </event>\n");
    TimeEvent a = (TimeEvent) read(root).get(0).annotations().get(1);
    assertEquals(2.0, a.end(), 1e-9);
  }

  @Test
  void badTimeNamesFileLineAndColumn() throws IOException {
    Path root = clip("    <fps>10</fps>\n",
        "  <event>\n    <eventname>burglary</eventname>\n    <starttime>1분 3초</starttime>\n    <duration>00:02</duration>\n  </event>\n");
    InputException e = assertThrows(InputException.class, () -> read(root));
    assertEquals("cctv-time", e.rule());
    assertEquals(9, e.line());
    assertTrue(e.getMessage().contains("clip_7.xml:9:"), e.getMessage());
  }

  @Test
  void doctypeIsRefused() throws IOException {
    Path root = clip("    <fps>10</fps>\n", "");
    Path xml = root.resolve("03.절도(burglary)/clip_7.xml");
    Files.writeString(xml, Files.readString(xml).replace("<annotation>",
        "<!DOCTYPE annotation [<!ENTITY x \"boom\">]>\n<annotation>"));
    InputException e = assertThrows(InputException.class, () -> read(root));
    assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
  }

  @Test
  void eventsExportToActivityNetSegments() throws IOException {
    Path src = dir.resolve("src");
    new CctvSampleGenerator().generate(src, new SampleOptions(3, 4, false));
    List<Item> items = read(src);
    Path out = dir.resolve("anet");
    var r = Conversion.run(REGISTRY.require("aihub.cctv"), src, REGISTRY.require("aihub.cctv.activitynet"), out,
        ReadOptions.defaults(), false, Progress.NONE);
    JsonNode root = new ObjectMapper().readTree(out.resolve("activitynet.json").toFile());
    assertEquals(3, root.get("taxonomy").size());
    JsonNode v = root.get("database").get(items.get(0).id());
    assertEquals(3.0, v.get("duration").asDouble());
    assertEquals("160x96", v.get("resolution").asText());
    TimeEvent e = (TimeEvent) items.get(0).annotations().get(0);
    assertEquals(e.label(), v.get("annotations").get(0).get("label").asText());
    assertEquals(e.start(), v.get("annotations").get(0).get("segment").get(0).asDouble());
    assertEquals(e.end(), v.get("annotations").get(0).get("segment").get(1).asDouble());
    assertEquals(6L, r.loss().droppedCounts().get("action frame range on time event (segments hold events)"));
  }
}
