package org.trainset.formats.cvat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trainset.core.model.Points;
import org.trainset.core.model.Polygon;
import org.trainset.core.model.Track;
import org.trainset.core.model.TrackFrame;
import org.trainset.testkit.SharedFixtures;

/** CVAT's documented "for video" example: a polygon track toggling outside, a skeleton track. */
class CvatDocsVideoTest extends CvatFixtureTest {
  @Override protected Path sample() {
    return SharedFixtures.external("cvat-docs/site/content/en/docs/other/xml_format_examples/for_video_example.xml");
  }

  @Override protected long expectedItems() { return 1; }
  @Override protected long expectedAnnotations() { return 2; }
  @Override protected Map<String, Long> expectedByType() { return Map.of("track", 2L); }

  @Test
  void polygonTrackTogglesOutside() throws IOException {
    assertEquals(12, trackFrames(items()));
    Track car = tracks(items().get(0)).get(0);
    assertEquals(List.of(0, 1, 6, 7, 13, 14), car.frames().stream().map(TrackFrame::frame).toList());
    assertEquals(List.of(false, true, false, true, false, true), car.frames().stream().map(TrackFrame::outside).toList());
    assertEquals(5, ((Polygon) car.frames().get(2).shape()).vertexCount());
    assertEquals("interpolation", items().get(0).id());
    assertEquals(640, items().get(0).width());
  }

  @Test
  void skeletonFramesKeepPointFlags() throws IOException {
    Track s1 = tracks(items().get(0)).get(1);
    Points frame1 = (Points) s1.frames().get(1).shape();
    assertEquals(0, frame1.labelledCount(), "all points outside at frame 1");
    Points frame6 = (Points) s1.frames().get(2).shape();
    assertTrue(s1.frames().get(2).keyframe());
    assertEquals(List.of(false, false, false), frame6.meta().attributes().get(CvatShapes.POINT_KEYFRAMES));
  }
}
