package org.trainset.core.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Mask;

/** pycocotools' compressed RLE, checked on the strings pycocotools itself wrote. */
class MaskBitsTest {
  @Test
  void compressedStringsFromCocoapiRoundTrip() throws Exception {
    // core cannot depend on the testkit (it depends on core), so the fixture root is read directly
    Path results = Path.of(System.getProperty("trainset.shared", "../../shared"))
        .resolve("fixtures/external/cocoapi/results/instances_val2014_fakesegm100_results.json");
    JsonNode arr = new ObjectMapper().readTree(results.toFile());
    assertTrue(arr.size() > 50);
    int checked = 0;
    for (JsonNode r : arr) {
      JsonNode seg = r.get("segmentation");
      String counts = seg.get("counts").asText();
      int h = seg.get("size").get(0).asInt();
      int w = seg.get("size").get(1).asInt();
      int[] decoded = MaskBits.decodeCocoString(counts);
      assertEquals((long) h * w, Arrays.stream(decoded).asLongStream().sum(), "counts cover the image");
      assertEquals(counts, MaskBits.encodeCocoString(decoded));
      // through the model's cropped row-major form and back
      Mask m = MaskBits.fromCoco(AnnotationMeta.of("x"), decoded, h, w);
      assertArrayEquals(decoded, MaskBits.toCoco(m, h, w));
      long area = 0;
      for (int i = 1; i < decoded.length; i += 2) area += decoded[i];
      assertEquals(area, m.area());
      checked++;
    }
    assertEquals(arr.size(), checked);
  }

  @Test
  void smallKnownMask() {
    // 3x3 image, column-major counts: 1 zero, 2 ones (x=0,y=1..2), 6 zeros
    int[] counts = {1, 2, 6};
    Mask m = MaskBits.fromCoco(AnnotationMeta.of("x"), counts, 3, 3);
    assertEquals(0, m.left());
    assertEquals(1, m.top());
    assertEquals(1, m.width());
    assertEquals(2, m.height());
    assertArrayEquals(new int[] {0, 2}, m.runs());
    assertArrayEquals(counts, MaskBits.toCoco(m, 3, 3));
  }
}
