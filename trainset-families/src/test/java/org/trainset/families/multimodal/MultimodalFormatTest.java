package org.trainset.families.multimodal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.trainset.core.Datasets;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Box;
import org.trainset.core.model.Item;
import org.trainset.core.model.TimeEvent;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.sample.SampleSummary;
import org.trainset.core.issue.Issue;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.sample.SampleGenerator;
import org.trainset.testkit.GeneratedSampleContract;

/** The contract on generator output; empty-string coordinates, utterances, unknown keys, bad input. */
class MultimodalFormatTest extends GeneratedSampleContract {
  static final int ITEMS = 6;

  @Override protected String formatId() { return "aihub.multimodal"; }

  @Override protected SampleGenerator generator() { return new MultimodalSampleGenerator(); }

  @Override protected SampleOptions sampleOptions() { return new SampleOptions(ITEMS, 1, false); }

  @Test
  void emptyStringCoordinatesMeanNoBoxAndNoProblem() throws IOException {
    Path dir = sample();
    assertTrue(Files.readString(dir.resolve("S0001_C003/S0001_C003.json")).contains("\"min_x\" : \"\""));
    List<Issue> problems = new ArrayList<>();
    ReadOptions collect = ReadOptions.defaults().withProblems(problems::add);
    List<Item> items = Datasets.readAll(Datasets.plan(format(), dir, collect), collect);
    Item away = items.stream().filter(i -> i.id().equals("S0001_C003")).findFirst().orElseThrow();
    assertEquals(3, away.annotations().stream().filter(a -> a.label().equals("face")).count(), "one face hidden");
    assertEquals(4, away.annotations().stream().filter(a -> a.label().equals("body")).count());
    assertEquals(List.of(), problems, "a person out of view is normal data");
  }

  @Test
  void personsUtterancesAndFramesAreRead() throws IOException {
    Path dir = sample();
    Item it = readAll(dir).stream().filter(i -> i.id().equals("S0001_C001")).findFirst().orElseThrow();
    assertEquals(2, it.media().size());
    assertTrue(Files.isRegularFile(dir.resolve(it.media().get(0).path())), it.media().get(0).path());
    assertEquals(640, it.width());
    TimeEvent u = (TimeEvent) it.annotations().stream().filter(a -> a instanceof TimeEvent).findFirst().orElseThrow();
    assertEquals(0.4, u.start());
    assertEquals("시험 결과 나왔어?", u.meta().attributes().get("text"));
    assertEquals("P01", u.meta().attributes().get("speaker"));
    Box face = (Box) it.annotations().stream().filter(a -> a.label().equals("face")).findFirst().orElseThrow();
    assertEquals(50, face.width());
    assertEquals(1, face.meta().group());
    assertTrue(face.meta().attributes().containsKey("emotion"));
    assertTrue(it.attributes().get("relations") instanceof List<?>, "relations kept as attribute");
    assertEquals("S0001", it.attributes().get("script_id"), "unknown keys kept");
  }

  @Test
  void halfEmptyRectIsAnErrorWithItsPointer() throws IOException {
    Path dir = tempDir.resolve("bad");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("c.json"), "{\"clip_id\":\"c\",\"visual_results\":[{\"image_info\":[{\"frame_id\":\"1\","
        + "\"persons\":[{\"person_id\":\"P01\",\"person_info\":{\"face_rect\":{\"min_x\":\"\",\"min_y\":1,\"max_x\":2,\"max_y\":3}}}]}]}],"
        + "\"utterances\":[]}");
    InputException e = assertThrows(InputException.class, () -> readAll(dir));
    assertTrue(e.getMessage().contains("c.json") && e.getMessage().contains("/visual_results/0/image_info/0/persons/0/person_info/face_rect"),
        e.getMessage());
  }

  @Test
  void defectsAndSameSeedSameBytes() throws IOException {
    Path a = tempDir.resolve("a");
    Path b = tempDir.resolve("b");
    SampleSummary s = new MultimodalSampleGenerator().generate(a, new SampleOptions(6, 4, true));
    new MultimodalSampleGenerator().generate(b, new SampleOptions(6, 4, true));
    assertEquals(List.of("time-reversed", "person-id-swap", "subtitle-mismatch"), s.defects().stream().map(d -> d.kind()).toList());
    try (Stream<Path> st = Files.walk(a)) {
      for (Path f : st.filter(Files::isRegularFile).sorted().toList()) {
        assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(b.resolve(a.relativize(f).toString())), f.toString());
      }
    }
  }
}
