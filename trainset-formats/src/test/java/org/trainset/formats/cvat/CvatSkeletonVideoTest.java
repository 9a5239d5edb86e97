package org.trainset.formats.cvat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trainset.core.model.Points;
import org.trainset.core.model.Track;
import org.trainset.core.model.TrackFrame;
import org.trainset.testkit.SharedFixtures;

/** cvat-ai/datumaro: a skeleton track with one nested sub-track per point and keyframe="0" frames. */
class CvatSkeletonVideoTest extends CvatFixtureTest {
  @Override protected Path sample() {
    return SharedFixtures.external("cvat-ai-datumaro/tests/assets/cvat_dataset/for_video");
  }

  @Override protected long expectedItems() { return 1; }
  @Override protected long expectedAnnotations() { return 4; }
  @Override protected Map<String, Long> expectedByType() { return Map.of("track", 4L); }

  @Test
  void pointSubTracksJoinIntoSkeletonFrames() throws IOException {
    Track skeleton = tracks(items().get(0)).get(3);
    assertEquals("skeleton", skeleton.label());
    assertEquals("manual", skeleton.meta().source());
    assertEquals(List.of(10, 13, 16), skeleton.frames().stream().map(TrackFrame::frame).toList());
    assertEquals(10, trackFrames(items()));
    TrackFrame f10 = skeleton.frames().get(0);
    Points p10 = (Points) f10.shape();
    assertArrayEquals(new double[] {48.80, 111.77, 48.80, 156.28, 83.27, 106.61, 89.11, 159.91}, p10.points());
    assertArrayEquals(new int[] {2, 2, 2, 2}, p10.visibility());
    assertNull(p10.meta().attributes().get(CvatShapes.POINT_KEYFRAMES));
    TrackFrame f13 = skeleton.frames().get(1);
    assertFalse(f13.keyframe());
    Points p13 = (Points) f13.shape();
    // point 3's sub-track goes outside at frame 13, as its own keyframe
    assertArrayEquals(new int[] {2, 2, 0, 2}, p13.visibility());
    assertEquals(List.of(false, false, true, false), p13.meta().attributes().get(CvatShapes.POINT_KEYFRAMES));
    // point 3 has no frame 16: it stays outside, at the skeleton's position
    Points p16 = (Points) skeleton.frames().get(2).shape();
    assertArrayEquals(new int[] {2, 2, 0, 2}, p16.visibility());
    assertEquals(83.27, p16.x(2));
  }
}
