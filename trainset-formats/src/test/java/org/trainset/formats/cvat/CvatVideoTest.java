package org.trainset.formats.cvat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trainset.core.model.AttributeSpec;
import org.trainset.core.model.Box;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaKind;
import org.trainset.core.model.Points;
import org.trainset.core.model.Track;
import org.trainset.core.model.TrackFrame;
import org.trainset.testkit.SharedFixtures;

/** Datumaro's CVAT for video: interpolation task with start 10, step 3; box, points, polyline tracks. */
class CvatVideoTest extends CvatFixtureTest {
  @Override protected Path sample() {
    return SharedFixtures.datumaro("cvat_dataset/for_video");
  }

  @Override protected long expectedItems() { return 1; }
  @Override protected long expectedAnnotations() { return 3; }
  @Override protected Map<String, Long> expectedByType() { return Map.of("track", 3L); }

  @Test
  void tracksBelongToTheVideoItem() throws IOException {
    Item video = items().get(0);
    assertEquals("t.mp4", video.id());
    assertEquals(MediaKind.VIDEO, video.primaryMedia().kind());
    assertEquals(25, video.width());
    assertEquals(20, video.height());
    assertEquals(7, trackFrames(items()));
    Track boxes = tracks(video).get(0);
    assertEquals("0", boxes.meta().id());
    assertEquals("II", boxes.label());
    assertEquals(List.of(10, 13, 16), boxes.frames().stream().map(TrackFrame::frame).toList());
    TrackFrame first = boxes.frames().get(0);
    assertFalse(first.outside());
    assertTrue(first.keyframe());
    assertTrue(first.shape().meta().occluded());
    assertEquals(7.0, ((Box) first.shape()).width());
    assertTrue(boxes.frames().get(1).outside());
    Track points = tracks(video).get(1);
    assertEquals("hgkf", points.frames().get(0).shape().meta().attributes().get("hgl"));
    assertEquals(3, ((Points) points.frames().get(0).shape()).count());
  }

  @Test
  void taskMetaIsKept() throws IOException {
    Map<String, Object> task = container();
    assertEquals("interpolation", task.get("mode"));
    assertEquals("10", task.get("start_frame"));
    assertEquals("19", task.get("stop_frame"));
    assertEquals("step=3", task.get("frame_filter"));
    assertEquals(2, ((List<?>) ((Map<?, ?>) task.get("segments")).get("segment")).size());
    var labels = plan(sample()).schema().labels();
    assertEquals(List.of("klhg", "z U k", "II"), labels.stream().map(l -> l.name()).toList());
    assertEquals(new AttributeSpec("hgl", "select", List.of("jk", "hgkf"), "jk", true), labels.get(0).attributes().get(0));
  }
}
