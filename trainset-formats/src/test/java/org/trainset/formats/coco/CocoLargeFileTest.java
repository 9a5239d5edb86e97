package org.trainset.formats.coco;

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
import org.junit.jupiter.api.io.TempDir;
import org.trainset.core.Datasets;
import org.trainset.core.FormatRegistry;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Item;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.issue.Issue;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPlan;

/**
 * A file large enough to spill (several buckets on disk) whose annotations are not ordered by
 * image: every item still gets exactly its annotations, in image order, and temp files go away.
 */
class CocoLargeFileTest {
  @TempDir Path tmp;

  @Test
  void unorderedAnnotationsAreGroupedByImageThroughSpilledBuckets() throws IOException {
    int images = 6000;
    int perImage = 20;
    Path f = tmp.resolve("instances_train.json");
    CocoSynth.write(f, images, perImage, 42);
    assertTrue(Files.size(f) > 2 * Buckets.BYTES_PER_BUCKET, "needs more than one bucket: " + Files.size(f));
    Format coco = FormatRegistry.load().require("coco");
    ReadPlan plan = Datasets.plan(coco, f, ReadOptions.defaults());
    assertEquals(80, plan.schema().labels().size());
    assertEquals(89, plan.schema().labels().get(79).id(), "80 ids with gaps end at 89");
    long before = tempFiles();
    long items = 0;
    long anns = 0;
    try (ItemCursor c = Datasets.cursor(plan, ReadOptions.defaults())) {
      for (Item i = c.next(); i != null; i = c.next()) {
        assertEquals(String.format("%012d", CocoSynth.imageId((int) items)), i.id(), "image order kept");
        assertEquals(perImage, i.annotations().size(), "annotations of " + i.id());
        long previous = 0;
        for (var a : i.annotations()) {
          long id = Long.parseLong(a.meta().id());
          assertTrue(id > previous, "annotations of " + i.id() + " in file order across threads and buckets");
          previous = id;
        }
        long imageId = (Long) i.attributes().get("id");
        assertEquals(CocoSynth.imageId((int) items), imageId);
        items++;
        anns += i.annotations().size();
      }
      long size = Files.size(f);
      assertTrue(c.bytesRead() > 0.99 * size && c.bytesRead() < size, "bytes read cover the arrays: " + c.bytesRead());
    }
    assertEquals(images, items);
    assertEquals((long) images * perImage, anns);
    assertEquals(before, tempFiles(), "spill files removed");
  }

  @Test
  void aProblemDeepInAParallelReadIsReportedWithItsAnnotation() throws IOException {
    Path f = tmp.resolve("instances_val.json");
    CocoSynth.write(f, 6000, 10, 7);
    String text = Files.readString(f);
    int at = text.lastIndexOf("\"image_id\":");
    int end = text.indexOf(',', at);
    Files.writeString(f, text.substring(0, at) + "\"image_id\":999999999" + text.substring(end));
    Format coco = FormatRegistry.load().require("coco");
    ReadPlan plan = Datasets.plan(coco, f, ReadOptions.defaults());
    assertTrue(((CocoPart) plan.parts().get(0)).files().get(0).annotationChunks().size() >= 1, "read in stretches");
    InputException e = assertThrows(InputException.class, () -> Datasets.readAll(plan, ReadOptions.defaults()));
    assertEquals("dangling-image", e.rule());
    assertTrue(e.getMessage().contains("annotation 60000 refers to image_id 999999999"), e.getMessage());

    List<Issue> problems = new ArrayList<>();
    ReadOptions collect = ReadOptions.defaults().withProblems(problems::add);
    List<Item> items = Datasets.readAll(Datasets.plan(coco, f, collect), collect);
    assertEquals(1, problems.size());
    assertEquals(59_999, items.stream().mapToLong(i -> i.annotations().size()).sum());
  }

  /** A synthetic file of 6,000 images (ten annotations each, read in parallel stretches) and its text. */
  private String synthetic(Path f, long seed) throws IOException {
    CocoSynth.write(f, 6000, 10, seed);
    return Files.readString(f);
  }

  /** Where {@code needle} last occurs in the "images" array (which comes before "annotations"). */
  private static int lastInImages(String text, String needle) {
    return text.lastIndexOf(needle, text.indexOf("\"annotations\""));
  }

  @Test
  void imageProblemsComeBeforeAnnotationProblemsOfAParallelRead() throws IOException {
    Path f = tmp.resolve("instances_val.json");
    String text = synthetic(f, 3);
    // the last image loses its file_name: its annotations then refer to an image that is not there
    int last = lastInImages(text, "\"file_name\":\"");
    int end = text.indexOf(',', last);
    Files.writeString(f, text.substring(0, last) + "\"name\":\"x\"" + text.substring(end));
    Format coco = FormatRegistry.load().require("coco");
    List<Issue> problems = new ArrayList<>();
    ReadOptions collect = ReadOptions.defaults().withProblems(problems::add);
    List<Item> items = Datasets.readAll(Datasets.plan(coco, f, collect), collect);
    assertEquals(5999, items.size());
    assertEquals(11, problems.size(), problems.toString());
    assertEquals("coco-image", problems.get(0).rule(), "the images pass's problem is reported first");
    assertTrue(problems.subList(1, 11).stream().allMatch(p -> p.rule().equals("dangling-image")), problems.toString());
  }

  @Test
  void aBrokenImagesArrayFailsAParallelReadAndLeavesNoSpill() throws IOException {
    Path f = tmp.resolve("instances_val.json");
    String text = synthetic(f, 9);
    int last = lastInImages(text, "\"width\":");
    // the skim does not tokenise scalars: only the images pass finds this
    Files.writeString(f, text.substring(0, last) + "\"width\":nope," + text.substring(last));
    Format coco = FormatRegistry.load().require("coco");
    ReadPlan plan = Datasets.plan(coco, f, ReadOptions.defaults());
    assertTrue(((CocoPart) plan.parts().get(0)).files().get(0).annotationChunks().size() >= 1, "read in stretches");
    long before = tempFiles();
    InputException e = assertThrows(InputException.class, () -> Datasets.readAll(plan, ReadOptions.defaults()));
    assertTrue(e.getMessage().contains("instances_val.json"), e.getMessage());
    long lineStart = text.lastIndexOf('\n', last) + 1;
    long annotationsAt = text.indexOf("\"annotations\"");
    long at = text.substring(0, (int) lineStart).chars().filter(c -> c == '\n').count() + 1;
    assertEquals(at, e.line(), e.getMessage());
    assertTrue(e.column() > last - lineStart && lineStart + e.column() < annotationsAt,
        "the images array's error, not one from the annotations: " + e.getMessage());
    assertEquals(before, tempFiles(), "nothing left behind");
  }

  private static long tempFiles() throws IOException {
    try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return s.filter(p -> p.getFileName().toString().startsWith("trainset-coco-")).count();
    }
  }
}
