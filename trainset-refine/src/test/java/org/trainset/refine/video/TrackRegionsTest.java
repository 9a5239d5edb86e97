package org.trainset.refine.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Box;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.MediaKind;
import org.trainset.core.model.Track;
import org.trainset.core.model.TrackFrame;
import org.trainset.refine.deid.Region;

/** Box tracks as regions per frame: keyframes, interpolation between them, outside, other labels. */
class TrackRegionsTest {
  private static TrackFrame at(int frame, double x, boolean outside) {
    return new TrackFrame(frame, new Box(AnnotationMeta.of("license_plate"), x, 10, 40, 20), outside, true);
  }

  @Test
  void boxesAreInterpolatedBetweenListedFramesAndEndWhereTheObjectLeaves() {
    Track plate = new Track(AnnotationMeta.of("license_plate"), List.of(at(2, 0, false), at(6, 40, false), at(8, 40, true)));
    Track person = new Track(AnnotationMeta.of("person"), List.of(at(0, 0, false), at(9, 0, false)));
    Item item = new Item("clip", null, List.of(new MediaRef(MediaKind.VIDEO, "clip.mp4", 160, 96, Map.of())), Map.of(),
        List.of(plate, person));
    TrackRegions regions = new TrackRegions(java.util.Set.of("license_plate"));
    assertEquals(List.of(), regions.detect(item, item.primaryMedia(), 1, null), "before the first listed frame");
    assertEquals(List.of(new Region(0, 10, 40, 20, "license_plate", "annotation")), regions.detect(item, item.primaryMedia(), 2, null));
    assertEquals(List.of(new Region(20, 10, 40, 20, "license_plate", "annotation")), regions.detect(item, item.primaryMedia(), 4, null));
    assertEquals(List.of(new Region(40, 10, 40, 20, "license_plate", "annotation")), regions.detect(item, item.primaryMedia(), 7, null));
    assertEquals(List.of(), regions.detect(item, item.primaryMedia(), 8, null), "outside from frame 8");
    assertNull(TrackRegions.boxAt(plate, 12));
  }
}
