package org.trainset.formats.yolo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trainset.core.spi.FormatDetector;
import org.trainset.formats.voc.VocFormat;
import org.trainset.testkit.SharedFixtures;

/** VOC and YOLO never claim each other's fixtures, COCO or CVAT exports. */
class CrossDetectionTest {
  static final List<String> VOC = List.of("voc_dataset/voc_dataset1", "voc_dataset/voc_dataset2",
      "voc_dataset/voc_dataset3", "roboflow_dataset/voc");
  static final List<String> YOLO = List.of("yolo_dataset/strict", "yolo_dataset/annotations",
      "yolo_dataset/labels", "roboflow_dataset/yolo");
  static final List<String> OTHERS = List.of("coco_dataset/coco", "roboflow_dataset/coco",
      "cvat_dataset/for_images", "cvat_dataset/for_video");

  @Test void yoloDoesNotClaimVocCocoOrCvat() throws IOException {
    FormatDetector yolo = new YoloFormat().detector();
    for (String p : concat(VOC, OTHERS)) {
      assertEquals(FormatDetector.NONE, yolo.detect(SharedFixtures.datumaro(p)), p);
    }
  }

  @Test void vocDoesNotClaimYoloCocoOrCvat() throws IOException {
    FormatDetector voc = new VocFormat().detector();
    for (String p : concat(YOLO, OTHERS)) {
      assertEquals(FormatDetector.NONE, voc.detect(SharedFixtures.datumaro(p)), p);
    }
    for (String name : List.of("yolov8_detection", "yolov8_classification", "yolo")) {
      assertEquals(FormatDetector.NONE, voc.detect(YoloFormatTest.cvat(name)), name);
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
