package org.trainset.formats.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.core.Datasets;
import org.trainset.core.FormatRegistry;
import org.trainset.core.io.InputException;
import org.trainset.core.io.ParseLimits;
import org.trainset.core.model.Item;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ReadOptions;

/**
 * The planning skim in two halves: the second thread's guess of an element start is checked by
 * the first, so the regions are those of one thread's skim, every split point is an annotation's
 * '{' with its true line and column, and a wrong guess or an error in the second half changes
 * nothing (the error is the one-thread skim's, with the same line and column).
 */
class TopLevelSkimmerTest {
  private static final ParseLimits LIMITS = ParseLimits.DEFAULT;
  /** Two threads for any size (the default starts at {@link TopLevelSkimmer#PARALLEL_BYTES}). */
  private static final long ALWAYS = 0;
  private static final long NEVER = Long.MAX_VALUE;

  @TempDir Path tmp;

  @Test
  void twoHalvesFindTheRegionsOneThreadFinds() throws IOException {
    assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "one core: the skim never splits");
    Path f = tmp.resolve("instances_train.json");
    CocoSynth.write(f, 3000, 10, 7);
    TopLevelSkimmer.Result one = TopLevelSkimmer.skim(f, LIMITS, NEVER);
    TopLevelSkimmer.Result two = TopLevelSkimmer.skim(f, LIMITS, ALWAYS);
    assertFalse(one.halves());
    assertTrue(two.halves(), "the guess past the middle is an annotation's start");
    assertEquals(one.regions(), two.regions());
    assertNotEquals(one.annotationChunks(), two.annotationChunks(), "the second half starts a stretch where it began");
    checkSplitPoints(f, two);
  }

  @Test
  void splitPointsOfAMultiLineFileHaveTheirTrueLinesAndColumns() throws IOException {
    assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "one core: the skim never splits");
    Path single = tmp.resolve("single.json");
    CocoSynth.write(single, 3000, 10, 7);
    // a line break before every annotation after the first, and two more inside one object
    String text = Files.readString(single).replace("},{\"id\"", "},\n  {\"id\"")
        .replaceFirst("\"iscrowd\":0}", "\"iscrowd\":\n0\n}");
    Path f = Files.writeString(tmp.resolve("instances_train.json"), text);
    TopLevelSkimmer.Result two = TopLevelSkimmer.skim(f, LIMITS, ALWAYS);
    assertTrue(two.halves());
    assertEquals(TopLevelSkimmer.skim(f, LIMITS, NEVER).regions(), two.regions());
    assertTrue(two.annotationChunks().stream().anyMatch(r -> r.line() > 1000), "split points far down the file");
    checkSplitPoints(f, two);
  }

  @Test
  void aWrongGuessInsideAStringIsDroppedAndTheResultIsOneThreads() throws IOException {
    // the middle of the file falls inside a caption full of "}, {": the second thread's guess
    // is inside a string, which the first thread finds when it gets there
    StringBuilder json = new StringBuilder("{\"images\":[{\"id\":1,\"file_name\":\"a.jpg\"}],\"annotations\":[");
    for (int i = 0; i < 2000; i++) json.append("{\"id\":").append(i).append(",\"image_id\":1,\"bbox\":[1,2,3,4]},");
    json.append("{\"id\":9999,\"image_id\":1,\"caption\":\"").append("}, {\\\"x\\\": [".repeat(40_000)).append("\"}");
    for (int i = 0; i < 2000; i++) json.append(",{\"id\":").append(10_000 + i).append(",\"image_id\":1,\"bbox\":[1,2,3,4]}");
    json.append("],\"categories\":[{\"id\":1,\"name\":\"a\"}]}");
    Path f = Files.writeString(tmp.resolve("captions_train.json"), json);
    TopLevelSkimmer.Result one = TopLevelSkimmer.skim(f, LIMITS, NEVER);
    TopLevelSkimmer.Result two = TopLevelSkimmer.skim(f, LIMITS, ALWAYS);
    assertFalse(two.halves(), "the guess was inside the caption");
    assertEquals(one, two);
  }

  @Test
  void anErrorInTheSecondHalfIsTheOneThreadSkimsError() throws IOException {
    Path single = tmp.resolve("single.json");
    CocoSynth.write(single, 3000, 10, 7);
    String text = Files.readString(single);
    int late = text.indexOf("]]", text.indexOf("\"annotations\"") + (text.length() - text.indexOf("\"annotations\"")) * 3 / 4);
    Path f = Files.writeString(tmp.resolve("instances_train.json"), text.substring(0, late) + "]}" + text.substring(late + 2));
    InputException one = assertThrows(InputException.class, () -> TopLevelSkimmer.skim(f, LIMITS, NEVER));
    InputException two = assertThrows(InputException.class, () -> TopLevelSkimmer.skim(f, LIMITS, ALWAYS));
    assertEquals(one.getMessage(), two.getMessage());
    assertEquals(one.line(), two.line());
    assertEquals(one.column(), two.column());
    assertTrue(one.getMessage().contains("'}' closes '['"), one.getMessage());
  }

  /**
   * A file over {@link TopLevelSkimmer#PARALLEL_BYTES} is planned in two halves by default, and
   * read through the format every item has its annotations, read in stretches from those split points.
   */
  @Test
  void aLargeFileIsPlannedInTwoHalvesAndReadWhole() throws IOException {
    assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "one core: the skim never splits");
    int images = 22_000;
    int perImage = 10;
    Path f = tmp.resolve("instances_train.json");
    CocoSynth.write(f, images, perImage, 3);
    assertTrue(Files.size(f) >= TopLevelSkimmer.PARALLEL_BYTES, "large enough: " + Files.size(f));
    assertTrue(TopLevelSkimmer.skim(f, LIMITS).halves());
    Format coco = FormatRegistry.load().require("coco");
    long items = 0;
    long annotations = 0;
    try (ItemCursor c = Datasets.cursor(Datasets.plan(coco, f, ReadOptions.defaults()), ReadOptions.defaults())) {
      for (Item i = c.next(); i != null; i = c.next()) {
        assertEquals(perImage, i.annotations().size(), i.id());
        items++;
        annotations += i.annotations().size();
      }
    }
    assertEquals(images, items);
    assertEquals((long) images * perImage, annotations);
  }

  /** Each split point is an annotation's '{' inside "annotations", at the line and column the text gives. */
  private static void checkSplitPoints(Path f, TopLevelSkimmer.Result r) throws IOException {
    byte[] bytes = Files.readAllBytes(f);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    long annotations = r.regions().get("annotations").offset();
    long previous = annotations;
    List<Region> chunks = r.annotationChunks();
    assertFalse(chunks.isEmpty());
    for (Region c : chunks) {
      assertTrue(c.offset() > previous, "increasing: " + chunks);
      previous = c.offset();
      assertEquals('{', bytes[(int) c.offset()], "an object starts at " + c.offset());
      assertTrue(text.startsWith("{\"id\"", (int) c.offset()), "an annotation starts at " + c.offset());
      String before = text.substring(0, (int) c.offset());
      long line = before.chars().filter(ch -> ch == '\n').count() + 1;
      long column = c.offset() - (before.lastIndexOf('\n') + 1) + 1;
      assertEquals(line, c.line(), "line of " + c.offset());
      assertEquals(column, c.column(), "column of " + c.offset());
    }
  }
}
