package org.trainset.formats.cvat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trainset.core.model.LabelDef;
import org.trainset.core.model.Points;
import org.trainset.testkit.SharedFixtures;

/** cvat-ai/datumaro: a skeleton label (svg, child labels) and skeleton shapes with outside points. */
class CvatSkeletonImagesTest extends CvatFixtureTest {
  @Override protected Path sample() {
    return SharedFixtures.external("cvat-ai-datumaro/tests/assets/cvat_dataset/for_images/train.xml");
  }

  @Override protected long expectedItems() { return 2; }
  @Override protected long expectedAnnotations() { return 6; }
  @Override protected Map<String, Long> expectedByType() {
    return Map.of("box", 1L, "polyline", 1L, "polygon", 1L, "points", 3L);
  }

  @Test
  void skeletonLabelHasKeypointsAndEdgesFromItsSvg() throws IOException {
    LabelDef skeleton = plan(sample()).schema().label("skeleton").orElseThrow();
    assertEquals("skeleton", skeleton.type());
    assertEquals("#0c81b5", skeleton.color());
    assertEquals(List.of("1", "2", "3", "4"), skeleton.keypoints());
    assertEquals(2, skeleton.skeleton().size());
    assertArrayEquals(new int[] {3, 2}, skeleton.skeleton().get(0));
    assertArrayEquals(new int[] {1, 4}, skeleton.skeleton().get(1));
    assertEquals("skeleton", plan(sample()).schema().label("3").orElseThrow().parent());
  }

  @Test
  void outsidePointsHaveVisibilityZero() throws IOException {
    Points s0 = ofType(item("img0.jpg"), Points.class).stream().filter(p -> p.label().equals("skeleton")).findFirst().orElseThrow();
    assertArrayEquals(new double[] {1, 1, 2, 2, 3, 3, 4, 4}, s0.points());
    assertArrayEquals(new int[] {0, 2, 2, 2}, s0.visibility());
    assertEquals("manual", s0.meta().source());
    Points s1 = ofType(item("img1.jpg"), Points.class).stream().filter(p -> p.label().equals("skeleton")).findFirst().orElseThrow();
    assertArrayEquals(new int[] {2, 2, 0, 2}, s1.visibility());
  }
}
