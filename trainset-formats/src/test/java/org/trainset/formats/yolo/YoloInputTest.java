package org.trainset.formats.yolo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.core.Datasets;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.InputException;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Box;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.LabelDef;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.Polygon;
import org.trainset.core.spi.FormatDetector;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.WriteOptions;
import org.trainset.testkit.SharedFixtures;

/** Bad label files, detection boundaries, and the oriented-box round trip. */
class YoloInputTest {
  @TempDir Path dir;

  private Path copyOfDetection() throws IOException {
    Path src = YoloFormatTest.cvat("yolov8_detection");
    Path dst = dir.resolve("ds");
    try (Stream<Path> s = Files.walk(src)) {
      for (Path p : s.toList()) {
        Path t = dst.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(t);
        else Files.copy(p, t);
      }
    }
    return dst;
  }

  private static List<Item> read(Path root) throws IOException {
    return Datasets.readAll(new YoloFormat().reader().orElseThrow().plan(root, ReadOptions.defaults()), ReadOptions.defaults());
  }

  @Test void wrongNumberOfValuesNamesFileAndLine() throws IOException {
    Path ds = copyOfDetection();
    Files.writeString(ds.resolve("labels/train/1.txt"), "2 0.1 0.2 0.3 0.4\n\n1 0.5 0.5 0.1\n");
    InputException e = assertThrows(InputException.class, () -> read(ds));
    assertTrue(e.getMessage().contains("1.txt:3") && e.getMessage().contains("yolo-values")
        && e.getMessage().contains("got 3"), e.getMessage());
  }

  @Test void classIndexOutOfRange() throws IOException {
    Path ds = copyOfDetection();
    Files.writeString(ds.resolve("labels/train/1.txt"), "10 0.1 0.2 0.3 0.4\n");
    InputException e = assertThrows(InputException.class, () -> read(ds));
    assertTrue(e.getMessage().contains("1.txt:1:1") && e.getMessage().contains("class index 10 is out of range"), e.getMessage());
  }

  @Test void notANumber() throws IOException {
    Path ds = copyOfDetection();
    Files.writeString(ds.resolve("labels/train/1.txt"), "1 0.1 nan 0.3 0.4\n");
    InputException e = assertThrows(InputException.class, () -> read(ds));
    assertTrue(e.getMessage().contains("yolo-number"), e.getMessage());
  }

  @Test void aMissingImageIsAnErrorNamingTheLabelFile() throws IOException {
    Path ds = copyOfDetection();
    Files.delete(ds.resolve("images/train/1.jpg"));
    Files.writeString(ds.resolve("images/train/2.jpg"), "not an image");
    Files.copy(ds.resolve("labels/train/1.txt"), ds.resolve("labels/train/2.txt"));
    // 1.jpg is gone: its labels are unreadable without the size
    InputException e = assertThrows(InputException.class, () -> read(ds));
    assertTrue(e.getMessage().contains("2.txt") && e.getMessage().contains("image-size"), e.getMessage());
  }

  @Test void aBrokenDataYamlIsAnInputError() throws IOException {
    Path ds = copyOfDetection();
    Files.writeString(ds.resolve("data.yaml"), "names: [a, b\ntrain: images/train\n");
    InputException e = assertThrows(InputException.class, () -> read(ds));
    assertTrue(e.getMessage().contains("data.yaml") && e.getMessage().contains("yaml-syntax"), e.getMessage());
  }

  @Test void aDatasetYamlWithAnotherNameIsFound() throws IOException {
    Path ds = copyOfDetection();
    Files.move(ds.resolve("data.yaml"), ds.resolve("coco128.yaml"));
    assertEquals(FormatDetector.SPECIFIC, new YoloFormat().detector().detect(ds));
    assertEquals(2, read(ds).get(0).annotations().size());
  }

  @Test void plainImageFoldersAreNotClaimedButClassificationTreesAreAbove() throws IOException {
    Path jpg = YoloFormatTest.cvat("yolov8_detection/images/train/1.jpg");
    Path flat = Files.createDirectories(dir.resolve("flat"));
    Files.copy(jpg, flat.resolve("a.jpg"));
    Files.createDirectories(flat.resolve("sub"));
    Files.copy(jpg, flat.resolve("sub/b.jpg"));
    assertEquals(FormatDetector.NONE, new YoloFormat().detector().detect(flat));
    Path nested = Files.createDirectories(dir.resolve("nested/photos/cats"));
    Files.copy(jpg, nested.resolve("c.jpg"));
    assertEquals(FormatDetector.NONE, new YoloFormat().detector().detect(dir.resolve("nested")),
        "top folder is not a subset name");
    double classification = new YoloFormat().detector().detect(YoloFormatTest.cvat("yolov8_classification"));
    assertTrue(classification > FormatDetector.GENERIC && classification < FormatDetector.PLAUSIBLE);
    assertEquals(FormatDetector.NONE, new YoloFormat().detector().detect(SharedFixtures.datumaro("voc_dataset/voc_dataset1")));
  }

  @Test void rotatedBoxesRoundTripThroughTaskObb() throws IOException {
    Path jpg = YoloFormatTest.cvat("yolov8_detection/images/train/1.jpg");
    Path media = Files.createDirectories(dir.resolve("media"));
    Files.copy(jpg, media.resolve("1.jpg"));
    Box rotated = new Box(AnnotationMeta.of("car"), 4, 2, 6, 3, 30);
    Polygon rectangle = new Polygon(AnnotationMeta.of("car"), new double[] {1, 1, 3, 1, 3, 2, 1, 2});
    Item item = new Item("1", "train", List.of(MediaRef.image("1.jpg", 15, 10)), Map.of(), List.of(rotated, rectangle));
    LossReport loss = LossReport.lenient();
    DatasetSchema schema = DatasetSchema.empty().withLabels(List.of(LabelDef.named("car")));
    try (ItemSink sink = new YoloFormat().writer().orElseThrow().open(dir.resolve("out"), schema,
        new WriteOptions(media, false), loss)) {
      sink.accept(item);
      sink.commit();
    }
    assertTrue(Files.readString(dir.resolve("out/data.yaml")).contains("task: obb"));
    assertEquals(Map.of("polygon (rectangular, 4 points -> rotated box (task: obb))", 1L,
        "subset (no validation subset -> data.yaml val lists the training images)", 1L), loss.changedCounts());
    Item back = read(dir.resolve("out")).get(0);
    assertEquals(rotated, back.annotations().get(0));
    Box fromRectangle = (Box) back.annotations().get(1);
    assertEquals(List.of(1.0, 1.0, 2.0, 1.0, 0.0),
        List.of(fromRectangle.x(), fromRectangle.y(), fromRectangle.width(), fromRectangle.height(), fromRectangle.rotation()));
  }
}
