package org.trainset.formats.coco;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trainset.core.convert.LossReport;
import org.trainset.core.model.Box;
import org.trainset.core.model.Item;
import org.trainset.core.model.LabelDef;
import org.trainset.core.model.Mask;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.Points;
import org.trainset.core.model.Polygon;
import org.trainset.core.spi.ReadPlan;
import org.trainset.testkit.FormatContract;
import org.trainset.testkit.SharedFixtures;

/**
 * The format contract on Datumaro's COCO folder (every task merged by image), with nested
 * fixtures for the other real COCO files. Counts were checked independently with Python's json
 * module on the same files.
 */
class CocoFormatTest extends FormatContract {
  @Override protected String formatId() { return "coco"; }
  @Override protected Path sample() { return SharedFixtures.datumaro("coco_dataset/coco"); }
  @Override protected long expectedItems() { return 2; }
  // train: box, keypoints(points+box), tag, caption; val: polygon, crowd mask,
  // 2 × keypoints (points+box+polygon / points+box+mask), 2 tags, 2 captions;
  // stuff_{train,val}: one RLE mask each; panoptic_{train,val}: 1 + 2 segments (PNG masks)
  @Override protected long expectedAnnotations() { return 22; }
  @Override protected Map<String, Long> expectedByType() {
    return Map.of("box", 4L, "points", 3L, "tag", 3L, "caption", 3L, "polygon", 2L, "mask", 7L);
  }

  /** The writer's annotation ids, one sequence per instances file (the COCO writer's {@code UniqueIds}). */
  private final Map<String, org.trainset.core.convert.UniqueIds> instanceIds = new java.util.HashMap<>();

  /**
   * Stuff masks and panoptic segments land in the instances file of their subset, where their ids
   * can collide with the instances' own (on image a the stuff annotation and the panoptic segment
   * are both 7; on b the stuff mask repeats instance 2): the writer keeps the first and gives the
   * next one the first free integer, which the loss report declares.
   */
  @Override protected Item afterRoundTrip(Item original, LossReport loss) {
    assertEquals(Long.valueOf(2), loss.changedCounts().get("annotation id (renumbered: taken or not an integer)"),
        loss.describe());
    var ids = instanceIds.computeIfAbsent(original.subset(),
        k -> new org.trainset.core.convert.UniqueIds(1, LossReport.lenient(), "annotation"));
    java.util.Set<Integer> keypointGroups = new java.util.HashSet<>();
    for (var a : original.annotations()) if (a instanceof Points p && p.meta().group() != null) keypointGroups.add(p.meta().group());
    List<org.trainset.core.model.Annotation> anns = new java.util.ArrayList<>();
    for (var a : original.annotations()) {
      boolean instances = !(a instanceof org.trainset.core.model.Tag || a instanceof org.trainset.core.model.Caption)
          && !keypointGroups.contains(a.meta().group());
      if (instances) a = a.withMeta(a.meta().withId(Long.toString(ids.assign(a.meta().id()))));
      anns.add(a);
    }
    return original.withAnnotations(anns);
  }

  @Test
  void panopticSegmentsAndStuffMasksKeepCategoryAndThingFlag() throws IOException {
    Item b = readAll(sample()).stream().filter(i -> i.id().equals("b")).findFirst().orElseThrow();
    List<Mask> masks = b.annotations().stream().filter(a -> a instanceof Mask).map(a -> (Mask) a).toList();
    // instances crowd mask, stuff mask (category b), panoptic segments 7 (a) and 20 (b, crowd), keypoints' mask
    assertEquals(List.of("b", "b", "a", "b", "b"), masks.stream().map(Mask::label).toList());
    assertEquals(List.of("7", "20"), masks.subList(2, 4).stream().map(m -> m.meta().id()).toList());
    assertEquals(Map.of("isthing", false), masks.get(2).meta().attributes());
    assertEquals(Map.of("isthing", false, "is_crowd", true), masks.get(3).meta().attributes());
    assertEquals(20, masks.get(2).area(), "segments_info says area 20");
    assertEquals(2, masks.get(3).left(), "segment 20 is the third and fourth columns of the PNG");
  }

  @Test
  void mapsImagesSubsetsAndCategoryIdGaps() throws IOException {
    ReadPlan plan = plan(sample());
    assertEquals(List.of("train", "val"), plan.schema().subsets());
    assertEquals(List.of(1, 2, 4), plan.schema().labels().stream().map(LabelDef::id).toList(), "id gap 3 kept");
    List<Item> items = readAll(sample());
    Item b = items.stream().filter(i -> i.id().equals("b")).findFirst().orElseThrow();
    assertEquals("val", b.subset());
    assertEquals(MediaRef.image("images/val/b.jpg", 5, 10).path(), b.primaryMedia().path());
    assertEquals(5, b.width());
    assertEquals(10, b.height());
    assertEquals(40L, b.attributes().get("id"));
    assertEquals("", b.attributes().get("flickr_url"));
    assertEquals(2, plan.parts().size(), "one part per subset");
  }

  @Test
  void keepsDatumaroAttributesAndDecodesCrowdRle() throws IOException {
    Item b = readAll(sample()).stream().filter(i -> i.id().equals("b")).findFirst().orElseThrow();
    Polygon poly = (Polygon) b.annotations().get(0);
    assertEquals("1", poly.meta().id());
    assertEquals("a", poly.label());
    assertEquals(Map.of("x", 1L, "y", "hello"), poly.meta().attributes());
    assertArrayEquals(new double[] {0, 0, 1, 0, 1, 2, 0, 2}, poly.points());
    Mask crowd = (Mask) b.annotations().get(1);
    assertEquals(Boolean.TRUE, crowd.meta().attributes().get("is_crowd"));
    // counts [0, 20, 30] column-major on 10x5: the first two columns set, area 20 as the file says
    assertEquals(20, crowd.area());
    assertEquals(0, crowd.left());
    assertEquals(2, crowd.width());
    assertEquals(10, crowd.height());
  }

  @Test
  void keypointsKeepVisibilityAndGroupTheirBox() throws IOException {
    Item a = readAll(sample()).stream().filter(i -> i.id().equals("a")).findFirst().orElseThrow();
    Points p = (Points) a.annotations().stream().filter(x -> x instanceof Points).findFirst().orElseThrow();
    assertArrayEquals(new int[] {0, 1, 2}, p.visibility());
    assertEquals(2, p.labelledCount(), "num_keypoints in the file is 2");
    Box box = (Box) a.annotations().get(a.annotations().indexOf(p) + 1);
    assertEquals(p.meta().group(), box.meta().group());
    assertEquals(1, p.meta().group());
    assertNull(a.annotations().get(0).meta().group(), "a lone box has no group");
  }

  /** cvat-ai/datumaro's keypoints variant: named keypoints and a skeleton, no images folder. */
  @Nested
  class PersonKeypoints extends FormatContract {
    @Override protected String formatId() { return "coco"; }
    @Override protected Path sample() {
      return SharedFixtures.external("cvat-ai-datumaro/tests/assets/coco_dataset/coco_person_keypoints");
    }
    @Override protected long expectedItems() { return 2; }
    @Override protected long expectedAnnotations() { return 8; }
    @Override protected Map<String, Long> expectedByType() {
      return Map.of("points", 3L, "box", 3L, "polygon", 1L, "mask", 1L);
    }

    @Test
    void keypointNamesAndSkeleton() throws IOException {
      LabelDef a = plan(sample()).schema().label("a").orElseThrow();
      assertEquals(List.of("a_1", "a_2", "a_3"), a.keypoints());
      assertEquals(2, a.skeleton().size());
      assertArrayEquals(new int[] {1, 2}, a.skeleton().get(1));
    }
  }

  /** Roboflow's export: {@code <subset>/_annotations.coco.json} beside the images. */
  @Nested
  class Roboflow extends FormatContract {
    @Override protected String formatId() { return "coco"; }
    @Override protected Path sample() { return SharedFixtures.datumaro("roboflow_dataset/coco"); }
    @Override protected long expectedItems() { return 3; }
    @Override protected long expectedAnnotations() { return 4; }
    @Override protected Map<String, Long> expectedByType() { return Map.of("box", 4L); }

    /** The writer uses Datumaro's layout, so image paths move under images/<subset>/ (declared). */
    @Override protected Item afterRoundTrip(Item original, LossReport loss) {
      assertTrue(loss.changedCounts().containsKey("image path (re-rooted under images/<subset>/)"), loss.describe());
      MediaRef m = original.primaryMedia();
      String name = m.path().substring(m.path().indexOf('/') + 1);
      return original.withMedia(List.of(m.withPath("images/" + original.subset() + "/" + name)));
    }

    @Test
    void subsetsComeFromFolders() throws IOException {
      List<Item> items = readAll(sample());
      assertEquals(List.of("train", "train", "val"), items.stream().map(Item::subset).toList());
      assertEquals("train/train_001.jpg", items.get(0).primaryMedia().path());
      assertEquals("0", items.get(0).annotations().get(0).meta().id(), "annotation id 0 kept");
    }
  }

  /** mmdetection's sample: info null, no segmentation/iscrowd, a score key, image id 0, an empty image. */
  @Nested
  class MmdetectionSample extends FormatContract {
    @Override protected String formatId() { return "coco"; }
    @Override protected Path sample() { return SharedFixtures.external("mmdetection/tests/data/coco_sample.json"); }
    @Override protected long expectedItems() { return 3; }
    @Override protected long expectedAnnotations() { return 3; }
    @Override protected Map<String, Long> expectedByType() { return Map.of("box", 3L); }

    @Override protected Item afterRoundTrip(Item original, LossReport loss) {
      assertTrue(loss.changedCounts().containsKey("image path (re-rooted under images/<subset>/)"), loss.describe());
      MediaRef m = original.primaryMedia();
      return original.withMedia(List.of(m.withPath("images/default/" + m.path())));
    }

    @Test
    void emptyImageAndScoreAndImageIdZero() throws IOException {
      List<Item> items = readAll(sample());
      assertEquals(List.of("fake1", "fake2", "fake3"), items.stream().map(Item::id).toList());
      assertEquals(0L, items.get(0).attributes().get("id"));
      assertEquals(2, items.get(0).annotations().size());
      assertEquals(0, items.get(2).annotations().size(), "image 2 has no annotations");
      assertEquals(Map.of("score", 1.0), items.get(0).annotations().get(0).meta().attributes());
      assertNull(items.get(0).subset());
    }
  }
}
