package org.trainset.formats.yolo;

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
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Box;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.Points;
import org.trainset.core.model.Polygon;
import org.trainset.core.model.Tag;
import org.trainset.testkit.FormatContract;
import org.trainset.testkit.SharedFixtures;

/** The YOLO contract on each real fixture (Datumaro, Roboflow, CVAT's Datumaro fork), with details. */
class YoloFormatTest {

  static Path cvat(String name) {
    return SharedFixtures.external("cvat-ai-datumaro/tests/assets/yolo_dataset/" + name);
  }

  abstract static class YoloContract extends FormatContract {
    @Override protected String formatId() { return "yolo"; }

    /**
     * The writer puts every image at images/&lt;subset&gt;/&lt;id&gt;.&lt;ext&gt; (an item
     * without subset goes to train, as the loss report says) and drops tags (reported).
     */
    @Override protected Item afterRoundTrip(Item original, LossReport loss) {
      String subset = original.subset() == null ? "train" : original.subset();
      if (original.subset() == null) assertTrue(loss.changedCounts().containsKey("subset (none -> train)"));
      MediaRef m = original.primaryMedia();
      String ext = m.path().substring(m.path().lastIndexOf('.') + 1);
      List<Annotation> kept = original.annotations().stream().filter(a -> !(a instanceof Tag)).toList();
      if (kept.size() < original.annotations().size()) assertTrue(loss.droppedCounts().containsKey("tag"));
      return original.withSubset(subset).withAnnotations(kept)
          .withMedia(List.of(m.withPath("images/" + subset + "/" + original.id() + "." + ext)));
    }

    /** The two boxes every Datumaro detection fixture holds, on its 15x10 image. */
    void assertTheTwoBoxes(Item item) {
      assertEquals(MediaRef.image(item.primaryMedia().path(), 15, 10), item.primaryMedia());
      Box a = (Box) item.annotations().get(0);
      Box b = (Box) item.annotations().get(1);
      assertEquals("label_2", a.label());
      assertEquals(List.of(0.0, 2.0, 4.0, 2.0), List.of(a.x(), a.y(), a.width(), a.height()));
      assertEquals("label_4", b.label());
      assertEquals(List.of(3.0, 3.0, 2.0, 3.0), List.of(b.x(), b.y(), b.width(), b.height()));
    }
  }

  abstract static class TwoBoxes extends YoloContract {
    @Override protected long expectedItems() { return 1; }
    @Override protected long expectedAnnotations() { return 2; }
    @Override protected Map<String, Long> expectedByType() { return Map.of("box", 2L); }

    @Test void boxesInPixels() throws IOException {
      Item item = readAll(sample()).get(0);
      assertEquals("1", item.id());
      assertTheTwoBoxes(item);
    }
  }

  @Nested class DatumaroStrict extends TwoBoxes {
    @Override protected Path sample() { return SharedFixtures.datumaro("yolo_dataset/strict"); }

    @Test void subsetFromObjData() throws IOException {
      Item item = readAll(sample()).get(0);
      assertEquals("train", item.subset());
      assertEquals("obj_train_data/1.jpg", item.primaryMedia().path());
      assertEquals(10, plan(sample()).schema().labels().size());
    }
  }

  @Nested class DatumaroAnnotationsFolder extends TwoBoxes {
    @Override protected Path sample() { return SharedFixtures.datumaro("yolo_dataset/annotations"); }

    @Test void noSubset() throws IOException {
      assertNull(readAll(sample()).get(0).subset());
    }
  }

  @Nested class DatumaroLabelsFolder extends YoloContract {
    @Override protected Path sample() { return SharedFixtures.datumaro("yolo_dataset/labels"); }
    @Override protected long expectedItems() { return 2; }
    @Override protected long expectedAnnotations() { return 4; }

    @Test void oneItemPerSubset() throws IOException {
      List<Item> items = readAll(sample());
      assertEquals(List.of("train", "val"), items.stream().map(Item::subset).toList());
      assertEquals(List.of("train/1", "val/1"), items.stream().map(Item::id).toList(), "ids made unique");
      items.forEach(this::assertTheTwoBoxes);
    }
  }

  @Nested class Roboflow extends YoloContract {
    @Override protected Path sample() { return SharedFixtures.datumaro("roboflow_dataset/yolo"); }
    @Override protected long expectedItems() { return 3; }
    @Override protected long expectedAnnotations() { return 4; }

    @Test void subsetsFoundDespiteTheYamlPaths() throws IOException {
      List<Item> items = readAll(sample());
      assertEquals(List.of("train", "train", "val"), items.stream().map(Item::subset).toList());
      assertEquals(List.of("label_0", "label_1"), plan(sample()).schema().labels().stream().map(l -> l.name()).toList());
    }
  }

  @Nested class CvatDarknet extends TwoBoxes {
    @Override protected Path sample() { return cvat("yolo"); }
  }

  @Nested class Yolov8Detection extends TwoBoxes {
    @Override protected Path sample() { return cvat("yolov8_detection"); }
  }

  @Nested class Yolov8ListOfImages extends TwoBoxes {
    @Override protected Path sample() { return cvat("yolov8_detection_with_list_of_imgs"); }
  }

  @Nested class Yolov8ListOfNames extends TwoBoxes {
    @Override protected Path sample() { return cvat("yolov8_detection_with_list_of_names"); }
  }

  @Nested class Yolov8SubsetTxt extends TwoBoxes {
    @Override protected Path sample() { return cvat("yolov8_detection_with_subset_txt"); }
  }

  @Nested class Yolov8Segmentation extends YoloContract {
    @Override protected Path sample() { return cvat("yolov8_segmentation"); }
    @Override protected long expectedItems() { return 1; }
    @Override protected long expectedAnnotations() { return 2; }
    @Override protected Map<String, Long> expectedByType() { return Map.of("polygon", 2L); }

    @Test void polygonsInPixels() throws IOException {
      List<Annotation> anns = readAll(sample()).get(0).annotations();
      assertEquals(3, ((Polygon) anns.get(0)).vertexCount());
      assertEquals(5, ((Polygon) anns.get(1)).vertexCount());
      assertEquals(List.of(1.5, 1.0, 6.0, 1.0, 6.0, 5.0), toList(((Polygon) anns.get(0)).points()));
    }
  }

  @Nested class Yolov8Pose extends YoloContract {
    @Override protected Path sample() { return cvat("yolov8_pose"); }
    @Override protected long expectedItems() { return 1; }
    @Override protected long expectedAnnotations() { return 2; }
    @Override protected Map<String, Long> expectedByType() { return Map.of("box", 1L, "points", 1L); }

    @Test void boxAndKeypointsShareAGroup() throws IOException {
      List<Annotation> anns = readAll(sample()).get(0).annotations();
      Points p = (Points) anns.get(1);
      assertEquals(anns.get(0).meta().group(), p.meta().group());
      assertEquals(List.of(1.5, 2.0, 4.5, 4.0, 7.5, 6.0), toList(p.points()));
      assertEquals(List.of(2, 2, 2), java.util.Arrays.stream(p.visibility()).boxed().toList());
      assertEquals(3, plan(sample()).schema().labels().get(0).keypoints().size());
    }
  }

  @Nested class Yolov8PoseTwoValues extends YoloContract {
    @Override protected Path sample() { return cvat("yolov8_pose_two_values_per_point"); }
    @Override protected long expectedItems() { return 1; }
    @Override protected long expectedAnnotations() { return 2; }
    @Override protected Map<String, Long> expectedByType() { return Map.of("box", 1L, "points", 1L); }

    @Test void visibleWithoutAThirdValue() throws IOException {
      Points p = (Points) readAll(sample()).get(0).annotations().get(1);
      assertEquals(List.of(2, 2, 2), java.util.Arrays.stream(p.visibility()).boxed().toList());
    }
  }

  @Nested class Yolov8OrientedBoxes extends YoloContract {
    @Override protected Path sample() { return cvat("yolov8_oriented_boxes"); }
    @Override protected long expectedItems() { return 1; }
    @Override protected long expectedAnnotations() { return 2; }
    @Override protected Map<String, Long> expectedByType() { return Map.of("polygon", 2L); }

    @Test void theNegativeCornerIsKept() throws IOException {
      Polygon second = (Polygon) readAll(sample()).get(0).annotations().get(1);
      assertEquals(4, second.vertexCount());
      assertEquals(-0.0981, second.y(3), 1e-9, "-0.009808 x 10 px");
    }
  }

  @Nested class Yolov8Classification extends YoloContract {
    @Override protected Path sample() { return cvat("yolov8_classification"); }
    @Override protected long expectedItems() { return 3; }
    @Override protected long expectedAnnotations() { return 3; }
    @Override protected Map<String, Long> expectedByType() { return Map.of("tag", 3L); }

    @Test void classFromFolder() throws IOException {
      List<Item> items = readAll(sample());
      assertEquals(List.of("label_0/1", "label_0/2", "label_1/3"), items.stream().map(Item::id).toList());
      assertEquals(List.of("label_0", "label_0", "label_1"), items.stream().map(i -> i.annotations().get(0).label()).toList());
    }
  }

  static List<Double> toList(double[] a) {
    return java.util.Arrays.stream(a).boxed().toList();
  }
}
